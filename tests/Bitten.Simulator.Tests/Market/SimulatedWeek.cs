using Bitten.Simulator.Market;

namespace Bitten.Simulator.Tests.Market;

/// <summary>
/// Three and a half simulated trading days of every default symbol (Thursday 00:00 to Monday 12:00 UTC,
/// across a weekend), generated once for every test of the collection.
/// </summary>
public sealed class SimulatedWeek
{
    public static readonly DateTimeOffset Start = new(2026, 1, 8, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset End = new(2026, 1, 12, 12, 0, 0, TimeSpan.Zero);

    public SimulatedWeek()
    {
        var generator = new MarketGenerator(SymbolProfile.Defaults, seed: 42, Start);
        var ticks = new List<SimTick>(4_000_000);
        var end = End.ToUnixTimeMilliseconds();
        while (generator.NextTsMs < end)
        {
            ticks.Add(generator.Next());
        }

        Ticks = ticks;
        BySymbol = [.. Enumerable.Range(0, SymbolProfile.Defaults.Count).Select(i => ticks.Where(t => t.SymbolIndex == i).ToList())];
        Bars = M5Bars.Build(ticks);
    }

    internal IReadOnlyList<List<SimTick>> BySymbol { get; }

    internal IReadOnlyList<SimTick> Ticks { get; }

    internal Dictionary<int, List<M5Bar>> Bars { get; }
}

/// <summary>The tests that share one generated <see cref="SimulatedWeek"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SimulatedWeekCollection : ICollectionFixture<SimulatedWeek>
{
    public const string Name = "simulated week";
}
