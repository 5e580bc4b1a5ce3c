using System.Text.Json;
using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Candles;

namespace Bitten.Modules.Signals.Tests.Candles;

public sealed class CandleBuilderTests
{
    private static readonly long T0 = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private readonly RecordingSink _sink = new();
    private readonly CandleBuilder _builder = new(symbolIndex: 3, closeGraceMs: 2_000, gapMs: 15 * 60_000);

    [Fact]
    public void OnTick_WhenTicksInOneMinute_BuildsMidPriceOhlcWithTickVolumeAndMeanSpread()
    {
        _builder.OnTick(T0 + 1_000, 1.1000, 1.1002, _sink);
        _builder.OnTick(T0 + 2_000, 1.1010, 1.1012, _sink);
        _builder.OnTick(T0 + 3_000, 1.0990, 1.0994, _sink);
        _builder.OnTick(T0 + 59_999, 1.1005, 1.1007, _sink);

        _builder.OnTick(T0 + 60_000, 1.1006, 1.1008, _sink);

        var m1 = _sink.Closed.ShouldHaveSingleItem();
        m1.Symbol.ShouldBe(3);
        m1.Candle.Timeframe.ShouldBe(Timeframe.M1);
        m1.Candle.OpenTimeMs.ShouldBe(T0);
        m1.Candle.Open.ShouldBe(1.1001, 1e-12);
        m1.Candle.High.ShouldBe(1.1011, 1e-12);
        m1.Candle.Low.ShouldBe(1.0992, 1e-12);
        m1.Candle.Close.ShouldBe(1.1006, 1e-12);
        m1.Candle.TickVolume.ShouldBe(4);
        m1.Candle.MeanSpread.ShouldBe(0.00025, 1e-12);
        m1.Candle.AfterGap.ShouldBeFalse();
    }

    [Fact]
    public void OnTick_WhenBucketsOfSeveralTimeframesEnd_ClosesLargerTimeframesFirst()
    {
        _builder.OnTick(T0 + (59 * 60_000), 1.1, 1.1, _sink);

        _builder.OnTick(T0 + (60 * 60_000), 1.2, 1.2, _sink);

        _sink.Closed.Select(c => c.Candle.Timeframe).ShouldBe([Timeframe.H1, Timeframe.M15, Timeframe.M5, Timeframe.M1]);
        _sink.Closed.Select(c => c.Candle.OpenTimeMs).ShouldBe([T0, T0 + (45 * 60_000), T0 + (55 * 60_000), T0 + (59 * 60_000)]);
    }

    [Fact]
    public void OnTick_WhenOlderThanTheOpenBar_IsRefusedAndChangesNothing()
    {
        _builder.OnTick(T0 + 120_000, 1.1, 1.1, _sink);

        _builder.OnTick(T0 + 60_000, 9.9, 9.9, _sink).ShouldBeFalse();
        _builder.OnTick(T0 + 180_000, 1.2, 1.2, _sink);

        _sink.Closed.Single(c => c.Candle.Timeframe == Timeframe.M1).Candle.High.ShouldBe(1.1);
    }

    [Fact]
    public void OnTick_WhenSlightlyOlderButInsideTheOpenBar_IsAccepted() =>
        _builder.ShouldSatisfyAllConditions(
            b => b.OnTick(T0 + 30_000, 1.1, 1.1, _sink).ShouldBeTrue(),
            b => b.OnTick(T0 + 20_000, 1.1, 1.1, _sink).ShouldBeTrue());

    [Fact]
    public void OnClock_WhenBucketEndPlusGracePasses_ClosesTheQuietBar()
    {
        _builder.OnTick(T0 + 5_000, 1.1, 1.1, _sink);

        _builder.OnClock(T0 + 61_999, _sink);
        _sink.Closed.ShouldBeEmpty();
        _builder.OnClock(T0 + 62_000, _sink);

        _sink.Closed.ShouldHaveSingleItem().Candle.Timeframe.ShouldBe(Timeframe.M1);
    }

    [Fact]
    public void OnTick_WhenEmptyBuckets_MakesNoSyntheticBars()
    {
        _builder.OnTick(T0, 1.1, 1.1, _sink);
        _builder.OnTick(T0 + (3 * 60_000), 1.1, 1.1, _sink);

        _sink.Closed.Where(c => c.Candle.Timeframe == Timeframe.M1).Select(c => c.Candle.OpenTimeMs).ShouldBe([T0]);
    }

    [Fact]
    public void OnTick_WhenFeedWasSilentLongerThanTheGap_MarksTheNextBarsAfterGap()
    {
        _builder.OnTick(T0, 1.1, 1.1, _sink);
        _builder.OnTick(T0 + (16 * 60_000), 1.1, 1.1, _sink); // 16 minutes of silence
        _builder.OnTick(T0 + (17 * 60_000), 1.1, 1.1, _sink);

        var m1 = _sink.Closed.Where(c => c.Candle.Timeframe == Timeframe.M1).Select(c => c.Candle).ToList();
        m1[0].AfterGap.ShouldBeFalse();
        m1[1].OpenTimeMs.ShouldBe(T0 + (16 * 60_000));
        m1[1].AfterGap.ShouldBeTrue();
    }

    [Fact]
    public void OnTick_WhenShortPause_DoesNotMarkAGap()
    {
        _builder.OnTick(T0, 1.1, 1.1, _sink);
        _builder.OnTick(T0 + (14 * 60_000), 1.1, 1.1, _sink);
        _builder.OnTick(T0 + (15 * 60_000), 1.1, 1.1, _sink);

        _sink.Closed.ShouldAllBe(c => !c.Candle.AfterGap);
    }

    [Fact]
    public void OnTick_WhenSteadyState_DoesNotAllocate()
    {
        var sink = new CountingSink();
        for (var i = 0; i < 100; i++)
        {
            _builder.OnTick(T0 + (i * 1_000), 1.1, 1.1002, sink);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 100; i < 100_000; i++)
        {
            _builder.OnTick(T0 + (i * 1_000), 1.1 + (i % 7 * 1e-5), 1.1002, sink);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
        sink.Count.ShouldBeGreaterThan(1_000);
    }

    [SharedDataFact("ticks/aggregation_cases.json")]
    public void OnTick_WhenRealM1BarsReplayed_BuildsTheReferenceH1Bars()
    {
        // dukascopy-node's m1→h1 case: the same UTC-hour OHLC as its aggregator (volume aside: ours counts ticks).
        var cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestEnvironment.SharedData, "ticks", "aggregation_cases.json")));
        var expected = cases.RootElement.GetProperty("m1_to_h1").GetProperty("expectedOutput").EnumerateArray()
            .Where(e => e.GetArrayLength() > 0).Select(e => e.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToList();
        var m1 = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestEnvironment.SharedData, "ticks", "sample_m1_data.json")))
            .RootElement.EnumerateArray().Select(e => e.EnumerateArray().Select(x => x.GetDouble()).ToArray()).Where(b => b[5] > 0).ToList();

        foreach (var bar in m1)
        {
            var t = (long)bar[0];
            var path = bar[1] <= bar[4] ? new[] { bar[1], bar[3], bar[2], bar[4] } : [bar[1], bar[2], bar[3], bar[4]];
            for (var k = 0; k < 4; k++)
            {
                _builder.OnTick(t + (k * 10_000), path[k], path[k], _sink);
            }
        }

        _builder.OnClock(long.MaxValue / 2, _sink);

        var h1 = _sink.Closed.Where(c => c.Candle.Timeframe == Timeframe.H1).Select(c => c.Candle).ToList();
        h1.Count.ShouldBe(expected.Count);
        for (var i = 0; i < h1.Count; i++)
        {
            h1[i].OpenTimeMs.ShouldBe((long)expected[i][0]);
            h1[i].Open.ShouldBe(expected[i][1], 1e-12);
            h1[i].High.ShouldBe(expected[i][2], 1e-12);
            h1[i].Low.ShouldBe(expected[i][3], 1e-12);
            h1[i].Close.ShouldBe(expected[i][4], 1e-12);
        }
    }

    private sealed class RecordingSink : ICandleSink
    {
        public List<(int Symbol, Candle Candle)> Closed { get; } = [];

        public void OnCandleClosed(int symbolIndex, in Candle candle) => Closed.Add((symbolIndex, candle));
    }

    private sealed class CountingSink : ICandleSink
    {
        public int Count { get; private set; }

        public void OnCandleClosed(int symbolIndex, in Candle candle) => Count++;
    }
}
