using Bitten.Modules.Signals.Indicators;
using Bitten.Modules.Signals.Structure;

namespace Bitten.Modules.Signals.Tests.Structure;

public sealed class MarketStructureTests
{
    // A zigzag of mid prices; each bar spans mid ± 0.5 and closes at mid. With SwingLength 2 the swings are
    // high 5 (10.5), low 8 (3.5), high 13 (14.5), low 20 (0.5), high 22 (5.5).
    private static readonly double[] Zigzag = [5, 5, 5, 6, 8, 10, 8, 6, 4, 6, 8, 10, 12, 14, 12, 10, 8, 6, 4, 2, 1, 3, 5, 3, 1, -1, -3, -5];

    private static PriceBar Bar(long index, double mid) => new(index * 60_000, mid, mid + 0.5, mid - 0.5, mid, 0);

    private static (MarketStructure Structure, RecordingListener Listener) Run(IEnumerable<double> mids, int swingLength = 2)
    {
        var listener = new RecordingListener();
        var structure = new MarketStructure(new MarketStructureOptions { SwingLength = swingLength, LiquidityBand = 0.6 }, listener);
        var index = 0L;
        foreach (var mid in mids)
        {
            structure.Update(Bar(index++, mid));
        }

        return (structure, listener);
    }

    [Fact]
    public void Update_WhenZigzagUpThenDown_ReportsBosThenChochThenBos()
    {
        var (structure, listener) = Run(Zigzag);

        listener.Breaks.ShouldBe(
        [
            new StructureBreak(StructureBreakKind.BreakOfStructure, Bias.Bullish, 5, 10.5, 12),
            new StructureBreak(StructureBreakKind.ChangeOfCharacter, Bias.Bearish, 8, 3.5, 19),
            new StructureBreak(StructureBreakKind.BreakOfStructure, Bias.Bearish, 20, 0.5, 25),
        ]);
        structure.Trend.ShouldBe(Bias.Bearish);
        structure.LastBreak!.Value.Index.ShouldBe(25);
        structure.LastChangeOfCharacter!.Value.Index.ShouldBe(19);
        structure.LastBreakOfStructure!.Value.SwingIndex.ShouldBe(20);
    }

    [Fact]
    public void Update_WhenZigzag_KnowsEachSwingSwingLengthBarsLater()
    {
        var (structure, listener) = Run(Zigzag);

        listener.Swings.Values.Select(s => (s.Index, s.Kind, s.Level, s.KnownAt)).ShouldBe(
        [
            (5L, SwingKind.High, 10.5, 7L), (8L, SwingKind.Low, 3.5, 10L), (13L, SwingKind.High, 14.5, 15L),
            (20L, SwingKind.Low, 0.5, 22L), (22L, SwingKind.High, 5.5, 24L),
        ]);
        structure.Swings[^1].IsFinal.ShouldBeFalse();
        structure.Swings[^2].IsFinal.ShouldBeTrue();
        structure.LastSwingLow!.Value.IsBroken.ShouldBeTrue();
        structure.LastSwingLow!.Value.IsSwept.ShouldBeTrue();
    }

    [Fact]
    public void Update_WhenStructureBreaks_CreatesOrderBlocksAndTracksMitigation()
    {
        var (structure, listener) = Run(Zigzag);

        // Bullish block on the lowest candle between swing high 5 and the break at 12: candle 8; mitigated at 19
        // (low 1.5 < 3.5), invalidated at 22 (high 5.5 > 4.5). Bearish blocks on candles 13 (CHOCH) and 22 (BOS).
        listener.InvalidatedBlocks.Single().ShouldBe(new OrderBlock(8, Bias.Bullish, 4.5, 3.5, 5, 12, StructureBreakKind.BreakOfStructure, 19));
        structure.OrderBlocks.ToArray().ShouldBe(
        [
            new OrderBlock(13, Bias.Bearish, 14.5, 13.5, 8, 19, StructureBreakKind.ChangeOfCharacter, FollowedByBos: true),
            new OrderBlock(22, Bias.Bearish, 5.5, 4.5, 20, 25, StructureBreakKind.BreakOfStructure),
        ]);
        structure.OrderBlocks[0].Age(structure.CurrentIndex).ShouldBe(14);
    }

    [Fact]
    public void Update_WhenBullishGapIsRevisited_MitigatesItAtThatBar()
    {
        var listener = new RecordingListener();
        var structure = new MarketStructure(listener: listener);
        structure.Update(new PriceBar(0, 0.5, 1.0, 0.4, 0.9, 0));
        structure.Update(new PriceBar(1, 1.0, 2.2, 0.9, 2.0, 0));
        structure.Update(new PriceBar(2, 2.0, 2.5, 1.5, 2.4, 0));

        structure.FairValueGaps.ToArray().ShouldBe([new FairValueGap(1, Bias.Bullish, 1.5, 1.0, 2)]);
        structure.Update(new PriceBar(3, 2.4, 2.6, 1.6, 2.5, 0));
        structure.FairValueGaps.Length.ShouldBe(1);
        structure.FairValueGaps[0].Age(structure.CurrentIndex).ShouldBe(2);

        structure.Update(new PriceBar(4, 2.5, 2.6, 1.4, 1.8, 0));
        structure.FairValueGaps.ToArray().ShouldBe([new FairValueGap(1, Bias.Bullish, 1.5, 1.0, 2, MitigatedAt: 4)], "the filling bar still sees the gap");
        listener.Gaps[1].MitigatedAt.ShouldBe(4);

        structure.Update(new PriceBar(5, 1.8, 1.9, 1.7, 1.8, 0));
        structure.FairValueGaps.Length.ShouldBe(0);
    }

    [Fact]
    public void Update_WhenEqualHighsFormWithinTheBand_ReportsAPoolAndItsSweep()
    {
        // Highs at 10.5 (bar 5) and 10.9 (bar 11) within a 0.6 band of the first; swept when a high reaches 11.1.
        double[] mids = [5, 5, 5, 6, 8, 10, 8, 6, 4, 6, 8, 10.4, 8, 6, 4, 2, 4, 6, 8, 10, 12];
        var (structure, listener) = Run(mids);

        var pool = listener.Pools.Values.Single();
        pool.ShouldBe(pool with { Index = 5, Kind = SwingKind.High, Count = 2, End = 11, SweptAt = 20 });
        pool.Level.ShouldBe(10.7, 1e-12);
        structure.LiquidityPools.ToArray().ShouldContain(pool);
    }

    [Fact]
    public void Update_WhenListsAreFull_DropsTheOldestAndKeepsCapacity()
    {
        var structure = new MarketStructure(new MarketStructureOptions { SwingCapacity = 4, GapCapacity = 4, BlockCapacity = 4, PoolCapacity = 4 });
        foreach (var bar in EurUsd15M.Bars.AsSpan(0, 5000))
        {
            structure.Update(bar);
        }

        structure.Swings.Length.ShouldBe(4);
        structure.FairValueGaps.Length.ShouldBeLessThanOrEqualTo(4);
        structure.OrderBlocks.Length.ShouldBeLessThanOrEqualTo(4);
        structure.LiquidityPools.Length.ShouldBeLessThanOrEqualTo(4);
        structure.Swings[0].Index.ShouldBeLessThan(structure.Swings[3].Index);
    }

    [Fact]
    public void Update_WhenSteadyState_AllocatesNothing()
    {
        var bars = EurUsd15M.Bars;
        var structure = new MarketStructure();
        var indicators = new IndicatorSet();
        for (var i = 0; i < 3000; i++)
        {
            structure.Update(bars[i]);
            indicators.Update(bars[i]);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 3000; i < 13_000; i++)
        {
            structure.Update(bars[i]);
            indicators.Update(bars[i]);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }
}
