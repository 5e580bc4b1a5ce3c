using Bitten.Simulator.Market;
using Xunit.Abstractions;

namespace Bitten.Simulator.Tests.Market;

[Collection(SimulatedWeekCollection.Name)]
public sealed class MarketGeneratorTests(SimulatedWeek week, ITestOutputHelper output)
{
    private static List<SimTick> Take(int seed, int count)
    {
        var generator = new MarketGenerator(SymbolProfile.Defaults, seed, SimulatedWeek.Start);
        return [.. Enumerable.Range(0, count).Select(_ => generator.Next())];
    }

    [Fact]
    public void Next_WhenSameSeed_ProducesTheSameTicks() =>
        Take(7, 20_000).ShouldBe(Take(7, 20_000));

    [Fact]
    public void Next_WhenOtherSeed_ProducesOtherTicks() =>
        Take(7, 1_000).ShouldNotBe(Take(8, 1_000));

    [Fact]
    public void Next_Always_ComesOutInTimeOrderWithAskAboveBid()
    {
        long last = 0;
        foreach (var t in week.Ticks)
        {
            t.TsMs.ShouldBeGreaterThanOrEqualTo(last);
            (t.Ask > t.Bid).ShouldBeTrue();
            last = t.TsMs;
        }
    }

    [Fact]
    public void Next_OverSimulatedDays_StaysPositiveWithinAPlausibleBandAndDigits()
    {
        for (var i = 0; i < SymbolProfile.Defaults.Count; i++)
        {
            var profile = SymbolProfile.Defaults[i];
            var mids = week.BySymbol[i].Select(t => (double)(t.Bid + t.Ask) / 2).ToList();
            var (min, max) = (mids.Min(), mids.Max());
            output.WriteLine($"{profile.Symbol}: {mids.Count} ticks, {min} .. {max}");
            min.ShouldBeGreaterThan(profile.BasePrice * 0.9, profile.Symbol);
            max.ShouldBeLessThan(profile.BasePrice * 1.1, profile.Symbol);
            week.BySymbol[i].Take(1_000).ShouldAllBe(t => t.Bid.Scale <= profile.Digits && t.Ask.Scale <= profile.Digits);
        }
    }

    [Fact]
    public void Next_OverAWeekend_EmitsNothingFromFriday21ToSunday22()
    {
        week.Ticks.ShouldNotContain(t => MarketSessions.IsWeekend(DateTimeOffset.FromUnixTimeMilliseconds(t.TsMs)));
        var friday = new DateTimeOffset(2026, 1, 9, 21, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var sunday = new DateTimeOffset(2026, 1, 11, 22, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        week.Ticks.ShouldContain(t => t.TsMs < friday && t.TsMs > friday - 60_000);
        week.Ticks.ShouldContain(t => t.TsMs >= sunday && t.TsMs < sunday + 60_000);
    }

    [Fact]
    public void Next_WhenStartedInTheWeekend_StartsAtSunday22()
    {
        var generator = new MarketGenerator(SymbolProfile.Defaults, 1, new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.Zero));

        generator.Next().TsMs.ShouldBeGreaterThanOrEqualTo(new DateTimeOffset(2026, 1, 11, 22, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds());
    }

    [Fact]
    public void Next_WhenOpenAtWeekends_TicksThroughSaturday()
    {
        var saturday = new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);
        var generator = new MarketGenerator(SymbolProfile.Defaults, 1, saturday, openAtWeekends: true);

        var ticks = Enumerable.Range(0, 2_000).Select(_ => generator.Next()).ToList();

        ticks[0].TsMs.ShouldBeLessThan(saturday.AddMinutes(1).ToUnixTimeMilliseconds());
        ticks.ShouldAllBe(t => MarketSessions.IsWeekend(DateTimeOffset.FromUnixTimeMilliseconds(t.TsMs)));
        ticks.Select(t => t.SymbolIndex).Distinct().Count().ShouldBe(SymbolProfile.Defaults.Count);
    }

    [Fact]
    public void Volatility_OverAWeek_Clusters()
    {
        // lag-1 autocorrelation of absolute M1 returns inside one session (so the session pattern is not what we measure)
        for (var i = 0; i < SymbolProfile.Defaults.Count; i++)
        {
            var closes = week.BySymbol[i]
                .GroupBy(t => t.TsMs / 60_000)
                .Where(g => MarketSessions.At(DateTimeOffset.FromUnixTimeMilliseconds(g.Key * 60_000)) == MarketSession.London)
                .Select(g => (Minute: g.Key, Mid: (double)(g.Last().Bid + g.Last().Ask) / 2))
                .ToList();
            var absReturns = closes.Zip(closes.Skip(1)).Where(p => p.Second.Minute == p.First.Minute + 1)
                .Select(p => Math.Abs(Math.Log(p.Second.Mid / p.First.Mid))).ToArray();
            var acf = Autocorrelation(absReturns);
            output.WriteLine($"{SymbolProfile.Defaults[i].Symbol}: lag-1 autocorrelation of |M1 return| in London {acf:0.000} over {absReturns.Length} minutes");
            acf.ShouldBeGreaterThan(0.05, SymbolProfile.Defaults[i].Symbol);
        }
    }

    [Fact]
    public void Spread_OffSession_IsWiderThanInLondon()
    {
        for (var i = 0; i < SymbolProfile.Defaults.Count; i++)
        {
            var bySession = week.BySymbol[i]
                .GroupBy(t => MarketSessions.At(DateTimeOffset.FromUnixTimeMilliseconds(t.TsMs)))
                .ToDictionary(g => g.Key, g => g.Average(t => (double)(t.Ask - t.Bid)) / SymbolProfile.Defaults[i].PipSize);
            output.WriteLine($"{SymbolProfile.Defaults[i].Symbol}: spread pips " + string.Join(", ", bySession.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value:0.00}")));
            bySession[MarketSession.OffHours].ShouldBeGreaterThan(bySession[MarketSession.London] * 1.5);
        }
    }

    [Fact]
    public void TickRate_InLondon_IsHigherThanInOffHours()
    {
        var hours = week.Ticks.GroupBy(t => MarketSessions.At(DateTimeOffset.FromUnixTimeMilliseconds(t.TsMs)))
            .ToDictionary(g => g.Key, g => g.Count());
        // London is 5 h a day, off-hours 2 h: compare per hour
        (hours[MarketSession.London] / 5.0).ShouldBeGreaterThan(hours[MarketSession.OffHours] / 2.0 * 2);
    }

    private static double Autocorrelation(double[] x)
    {
        var mean = x.Average();
        double num = 0, den = 0;
        for (var i = 0; i < x.Length; i++)
        {
            den += (x[i] - mean) * (x[i] - mean);
            if (i > 0)
            {
                num += (x[i] - mean) * (x[i - 1] - mean);
            }
        }

        return num / den;
    }
}
