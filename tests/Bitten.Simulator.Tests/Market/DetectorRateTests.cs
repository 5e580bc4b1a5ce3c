using Bitten.Simulator.Market;
using Xunit.Abstractions;

namespace Bitten.Simulator.Tests.Market;

/// <summary>
/// The simulator may not run the real engine (it references no module), so it is tuned against simple
/// statistics that mirror the DOMAIN §5 detector conditions on M5 bars: the bar range relative to ATR(14),
/// sweep-and-reject bars (a 12-bar high or low taken by 0.1 ATR, close back inside, wick at least half the
/// range) and momentum bursts (range at least twice the last 10 bars' mean, body at least 60 %).
/// </summary>
[Collection(SimulatedWeekCollection.Name)]
public sealed class DetectorRateTests(SimulatedWeek week, ITestOutputHelper output)
{
    [Fact]
    public void M5Bars_OverSimulatedDays_GiveSeveralCandidatePatternsPerHourAcrossSymbols()
    {
        double sweepsPerHour = 0, burstsPerHour = 0;
        for (var i = 0; i < SymbolProfile.Defaults.Count; i++)
        {
            var bars = week.Bars[i];
            var atr = M5Bars.Atr(bars);
            int sweeps = 0, bursts = 0, n = 0;
            double rangeRatio = 0;
            for (var k = 20; k < bars.Count; k++)
            {
                var b = bars[k];
                var a = atr[k - 1];
                var range = b.High - b.Low;
                n++;
                rangeRatio += range / a;
                double high = double.MinValue, low = double.MaxValue, meanRange = 0;
                for (var j = k - 12; j < k; j++)
                {
                    high = Math.Max(high, bars[j].High);
                    low = Math.Min(low, bars[j].Low);
                    meanRange += j >= k - 10 ? (bars[j].High - bars[j].Low) / 10 : 0;
                }

                var upperWick = b.High - Math.Max(b.Open, b.Close);
                var lowerWick = Math.Min(b.Open, b.Close) - b.Low;
                if ((b.High > high + 0.1 * a && b.Close < high && upperWick >= 0.5 * range) || (b.Low < low - 0.1 * a && b.Close > low && lowerWick >= 0.5 * range))
                {
                    sweeps++;
                }

                if (range >= 2 * meanRange && Math.Abs(b.Close - b.Open) >= 0.6 * range)
                {
                    bursts++;
                }
            }

            var hours = n / 12.0;
            var profile = SymbolProfile.Defaults[i];
            output.WriteLine($"{profile.Symbol}: ATR(14) M5 {atr[^1] / profile.PipSize:0.0} pips, mean range/ATR {rangeRatio / n:0.00}, sweep bars {sweeps / hours:0.00}/h, burst bars {bursts / hours:0.00}/h");
            (rangeRatio / n).ShouldBeInRange(0.8, 1.25, profile.Symbol);
            sweepsPerHour += sweeps / hours;
            burstsPerHour += bursts / hours;
        }

        output.WriteLine($"all symbols: {sweepsPerHour:0.0} sweep bars/h, {burstsPerHour:0.0} burst bars/h");
        sweepsPerHour.ShouldBeInRange(3, 40);
        burstsPerHour.ShouldBeInRange(2, 40);
    }
}
