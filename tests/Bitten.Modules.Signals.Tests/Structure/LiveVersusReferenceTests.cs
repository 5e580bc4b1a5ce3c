using Bitten.Modules.Signals.Indicators;
using Bitten.Modules.Signals.Structure;

namespace Bitten.Modules.Signals.Tests.Structure;

public sealed class LiveVersusReferenceTests
{
    // One live run per distinct options, shared by the tests (a run over the 24,424 bars records every event).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<MarketStructureOptions, Lazy<(RecordingListener, int[], int[])>> Runs = new();

    private static RecordingListener RunLive(MarketStructureOptions options) => RunLiveWithView(options).Live;

    private static MarketStructureOptions ReferenceLike(bool join = false) => new() { RoundLevelsToFloat32 = true, JoinConsecutiveGaps = join, SwingCapacity = 256, GapCapacity = 4096, BlockCapacity = 4096, PoolCapacity = 512 };

    [Fact]
    public void Swings_WhenLiveRunEnds_EqualReferenceExceptForcedEndpoints()
    {
        var bars = EurUsd15M.Bars;
        var reference = SmcReference.SwingHighsLows(bars, 5);
        var live = RunLive(ReferenceLike());

        var expected = Enumerable.Range(1, bars.Length - 2).Where(i => reference.Kind[i] != 0)
            .Select(i => $"{i}:{reference.Kind[i]}:{reference.Level[i]:R}").ToList();
        var actual = live.Swings.Values.Select(s => $"{s.Index}:{(int)s.Kind}:{s.Level:R}").ToList();

        actual.Except(expected).ShouldBeEmpty();
        expected.Except(actual).ShouldBeEmpty();
        actual.Count.ShouldBe(expected.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FairValueGaps_WhenLiveRunEnds_EqualReference(bool join)
    {
        var reference = SmcReference.FairValueGaps(EurUsd15M.Bars, join);
        var live = RunLive(ReferenceLike(join));

        var expected = Enumerable.Range(0, reference.Direction.Length).Where(i => reference.Direction[i] != 0)
            .Select(i => $"{i}:{reference.Direction[i]}:{reference.Top[i]:R}:{reference.Bottom[i]:R}:{reference.MitigatedIndex[i]}").ToList();
        var actual = live.Gaps.Values
            .Select(g => $"{g.Index}:{(int)g.Direction}:{g.Top:R}:{g.Bottom:R}:{(g.IsMitigated ? g.MitigatedAt : 0)}").ToList();

        actual.Except(expected).Take(10).ShouldBeEmpty();
        expected.Except(actual).Take(10).ShouldBeEmpty();
        actual.Count.ShouldBe(expected.Count);
    }

    [Fact]
    public void OrderBlocks_WhenLiveRunEnds_EqualReferenceAlgorithmFedTheSwingsKnownAtEachBar()
    {
        var bars = EurUsd15M.Bars;
        var (live, latestHigh, latestLow) = RunLiveWithView(ReferenceLike());
        var causal = SmcReference.OrderBlocks(bars, latestHigh, latestLow);

        // The reference keeps one set of per-candle fields for both passes, so a candle that hosts a bullish and a
        // bearish block shares its breaker flag between them; live mode keeps them apart.
        var bothSides = live.Blocks.Keys.GroupBy(k => k.Index).Where(g => g.Count() == 2).Select(g => g.Key).ToHashSet();
        var expected = Rows(causal).Where(r => !bothSides.Contains(r.Index)).Select(r => r.Text).ToList();
        var actual = Rows(live).Where(r => !bothSides.Contains(r.Index)).Select(r => r.Text).ToList();

        actual.Except(expected).ShouldBeEmpty();
        expected.Except(actual).ShouldBeEmpty();
        bothSides.ShouldBe([20907L]);
    }

    [Fact]
    public void OrderBlocks_WhenLiveRunEnds_DifferFromReferenceOnlyWhereItsSwingWasNotYetKnowable()
    {
        var bars = EurUsd15M.Bars;
        var reference = SmcReference.OrderBlocks(bars, SmcReference.SwingHighsLows(bars, 5));
        var (live, latestHigh, latestLow) = RunLiveWithView(ReferenceLike());

        var expected = Rows(reference).Select(r => r.Text).ToList();
        var actual = Rows(live).Select(r => r.Text).ToList();

        // Pinned: at the bars that created these blocks the reference tested a swing that was not knowable yet
        // (its index > bar - SwingLength, shadowing the older swing live mode tested) or had tested a swing that
        // live mode only later learned was superseded by a more extreme one of the same run (see the README).
        // Live mode equals the same algorithm fed the swings it knew (test above); the rest are identical.
        expected.Intersect(actual).Count().ShouldBe(63);
        expected.Except(actual).ShouldBe(["2965:1:1.02398:1.02324:0", "10934:1:1.06202:1.06122:23979", "23890:-1:1.06718:1.06647:0"]);
        actual.Except(expected).ShouldBe(
        [
            "1788:1:0.97593:0.97353:0", "2305:-1:1.0204:1.01941:2329", "2970:1:1.02399:1.02369:0", "20907:1:1.10653:1.101:20909",
            "20913:-1:1.1044:1.10235:0", "22440:1:1.08451:1.08324:22447", "23895:-1:1.06654:1.06588:0", "23951:1:1.06447:1.06421:23957",
            "24292:1:1.05562:1.05526:0",
        ]);
        latestHigh.Length.ShouldBe(bars.Length);
        latestLow.Length.ShouldBe(bars.Length);
    }

    [Fact]
    public void LiquidityPools_WhenLiveRunEndsWithTheReferenceBand_EqualReference()
    {
        var bars = EurUsd15M.Bars;
        var swings = SmcReference.SwingHighsLows(bars, 5);
        var reference = SmcReference.Liquidity(bars, swings, 0.01);
        var band = (bars.Max(b => b.High) - bars.Min(b => b.Low)) * 0.01;
        var live = RunLive(ReferenceLike() with { LiquidityBand = band, PoolCapacity = 100_000 });

        // The reference's invented swing at row 0 anchors the first pool and claims swings up to its End (153);
        // live mode cannot know that swing, so the pools anchored before then regroup. Everything after is equal.
        reference.Direction[0].ShouldBe(1);
        var settled = reference.End[0];
        var expected = Enumerable.Range(0, reference.Direction.Length).Where(i => reference.Direction[i] != 0 && i > settled)
            .Select(i => $"{i}:{reference.Direction[i]}:{reference.Level[i]:R}:{reference.End[i]}:{reference.Swept[i]}").ToList();
        var actual = live.Pools.Values.Where(p => p.IsPool && p.Index > settled)
            .Select(p => $"{p.Index}:{(int)p.Kind}:{(float)p.Level:R}:{p.End}:{(p.IsSwept ? p.SweptAt : 0)}").ToList();

        actual.Except(expected).ShouldBeEmpty();
        expected.Except(actual).ShouldBeEmpty();
        actual.Count.ShouldBe(495);
    }

    private static (RecordingListener Live, int[] LatestHigh, int[] LatestLow) RunLiveWithView(MarketStructureOptions options) =>
        Runs.GetOrAdd(options, o => new Lazy<(RecordingListener, int[], int[])>(() => RunOnce(o))).Value;

    private static (RecordingListener Live, int[] LatestHigh, int[] LatestLow) RunOnce(MarketStructureOptions options)
    {
        var bars = EurUsd15M.Bars;
        var listener = new RecordingListener();
        var structure = new MarketStructure(options, listener);
        var latestHigh = new int[bars.Length];
        var latestLow = new int[bars.Length];
        for (var i = 0; i < bars.Length; i++)
        {
            structure.Update(bars[i]);
            latestHigh[i] = (int)(structure.LastSwingHigh?.Index ?? -1);
            latestLow[i] = (int)(structure.LastSwingLow?.Index ?? -1);
        }

        return (listener, latestHigh, latestLow);
    }

    private static IEnumerable<(int Index, string Text)> Rows(OrderBlockSeries series) =>
        Enumerable.Range(0, series.Direction.Length).Where(i => series.Direction[i] != 0)
            .Select(i => (i, $"{i}:{series.Direction[i]}:{series.Top[i]:R}:{series.Bottom[i]:R}:{series.MitigatedIndex[i]}"));

    // The reference writes i-1 as the mitigation index of a bullish block (the bar before the one that traded through it).
    private static IEnumerable<(int Index, string Text)> Rows(RecordingListener live) =>
        live.Blocks.Values.Select(b => ((int)b.Index,
            $"{b.Index}:{(int)b.Direction}:{(float)b.Top:R}:{(float)b.Bottom:R}:{(!b.IsMitigated ? 0 : b.Direction == Bias.Bullish ? b.MitigatedAt - 1 : b.MitigatedAt)}"));
}
