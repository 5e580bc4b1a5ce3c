using Bitten.Modules.Signals.Structure;

namespace Bitten.Modules.Signals.Tests.Structure;

public sealed class NoLookAheadTests
{
    private const int Bars = 6000;

    [Fact]
    public void Update_WhenRunOverAPrefix_HasAtEveryBarTheStateTheFullRunHad()
    {
        var bars = EurUsd15M.Bars.AsSpan(0, Bars);
        var full = new int[Bars];
        var structure = new MarketStructure();
        for (var i = 0; i < Bars; i++)
        {
            structure.Update(bars[i]);
            full[i] = Fingerprint(structure);
        }

        foreach (var length in new[] { 1, 13, 777, 2500, Bars - 1 })
        {
            var prefix = new MarketStructure();
            for (var i = 0; i < length; i++)
            {
                prefix.Update(bars[i]);
                Fingerprint(prefix).ShouldBe(full[i], $"prefix of {length} bars differs at bar {i}");
            }
        }
    }

    [Fact]
    public void Update_WhenFacts_BecomeKnownOnlyOnceTheirDefiningBarsHaveClosed()
    {
        var listener = new RecordingListener();
        var structure = new MarketStructure(new MarketStructureOptions { SwingLength = 5 }, listener);
        var swingsKnownTooEarly = 0;
        var index = 0L;
        foreach (var bar in EurUsd15M.Bars.AsSpan(0, Bars))
        {
            structure.Update(bar);
            foreach (var swing in structure.Swings)
            {
                swingsKnownTooEarly += swing.Index > index - 5 || swing.KnownAt != swing.Index + 5 ? 1 : 0;
            }

            index++;
        }

        swingsKnownTooEarly.ShouldBe(0);
        listener.Gaps.Values.ShouldAllBe(g => g.KnownAt == g.Index + 1 && (!g.IsMitigated || g.MitigatedAt >= g.Index + 2));
        listener.Blocks.Values.ShouldAllBe(b => b.Index < b.CreatedAt && b.SwingIndex + 5 < b.CreatedAt && (!b.IsMitigated || b.MitigatedAt > b.CreatedAt));
        listener.Breaks.ShouldAllBe(b => b.SwingIndex + 5 < b.Index);
        listener.Blocks.Count.ShouldBeGreaterThan(10);
    }

    private static int Fingerprint(MarketStructure structure)
    {
        var hash = new HashCode();
        hash.Add(structure.CurrentIndex);
        hash.Add(structure.Trend);
        hash.Add(structure.LastBreak);
        hash.Add(structure.LastBreakOfStructure);
        hash.Add(structure.LastChangeOfCharacter);
        hash.Add(structure.Atr);
        foreach (var swing in structure.Swings)
        {
            hash.Add(swing);
        }

        foreach (var gap in structure.FairValueGaps)
        {
            hash.Add(gap);
        }

        foreach (var block in structure.OrderBlocks)
        {
            hash.Add(block);
        }

        foreach (var pool in structure.LiquidityPools)
        {
            hash.Add(pool);
        }

        return hash.ToHashCode();
    }
}
