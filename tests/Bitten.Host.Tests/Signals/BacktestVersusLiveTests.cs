using System.Globalization;
using System.Text;
using Bitten.Contracts.Hosting;
using Bitten.Host.Tests.Infrastructure;
using Bitten.Modules.Signals.Backtest;
using Bitten.Modules.Signals.Engine;
using Bitten.Modules.Signals.Persistence;
using Bitten.Modules.Signals.Publishing;
using Bitten.Modules.Signals.Replay;
using Bitten.Zmq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Host.Tests.Signals;

/// <summary>
/// The backtest and the live engine are the same code: the ticks a backtest replays, pushed over ZeroMQ into
/// the running host's feed socket, produce exactly the backtest's signals (every stored field, features
/// included) and outcomes. Bounded to January 2017 of the shared HistData EURUSD M1 (31,500 bars, 126,000
/// ticks); the threshold is fixed (the live review job runs on the wall clock) and bars close by ticks only,
/// as they do live when a replay arrives faster than real time.
/// </summary>
public sealed class BacktestVersusLiveTests : IDisposable
{
    private readonly BittenAppFactory _factory = new BittenAppFactory()
        .WithSetting("Modules:Signals:FeedSources:0", "bt-feed")
        .WithSetting("Modules:Signals:FeedCredentials:bt-feed", "bt-token")
        .WithSetting("Modules:Signals:TickQueueCapacity", "1000000")
        .WithSetting("Modules:Signals:ThresholdReviewCron", "0 0 0 1 1 ? 2099");

    [SharedDataFact("fx/histdata_eurusd_m1_2017")]
    public async Task Backtest_WhenTheSameTicksArePushedToTheLiveEngineOverZeroMq_PublishesTheSameSignalsWithTheSameOutcomes()
    {
        var settings = BacktestSettings.For(new ReplaySettings("EURUSD", 0.0001, 5, ToMs: new DateTimeOffset(2017, 2, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()))
            with { FixedThreshold = 72, DataClock = false, CloseAtEnd = false };
        var folder = Path.Combine(TestEnvironment.SharedData, "fx", "histdata_eurusd_m1_2017");
        BacktestResult backtest;
        using (var source = ReplaySource.Open([folder], settings.Replay))
        {
            backtest = BacktestRunner.Run(source, settings);
        }

        var ticks = new List<HistoricalTick>();
        using (var source = ReplaySource.Open([folder], settings.Replay))
        {
            while (source.TryRead(out var t))
            {
                ticks.Add(t);
            }
        }

        backtest.Signals.Count.ShouldBeGreaterThan(10);
        using (var source = ReplaySource.Open([folder], settings.Replay))
        {
            // The verb's default, the data's own clock also closing quiet bars, decides the same signals on this month.
            BacktestRunner.Run(source, settings with { DataClock = true }).Signals.Select(s => Line(SignalWire.Record(s.Signal, 0)))
                .ShouldBe(backtest.Signals.Select(s => Line(SignalWire.Record(s.Signal, 0))));
        }

        using var client = _factory.CreateClient();
        var runtime = _factory.Services.GetRequiredService<SignalsRuntime>();
        var port = await _factory.Services.GetRequiredService<BoundEndpoints>().PortAsync("feed").WaitAsync(TimeSpan.FromSeconds(30));
        await Wait.UntilAsync(() => runtime.Engine is not null, TimeSpan.FromSeconds(30), "the live engine is up");
        var engine = runtime.Engine!;
        await using (var push = new ZmqSocket(ZmqSocketType.Push, new ZmqSocketOptions { SendTimeout = TimeSpan.FromSeconds(30), SendHighWaterMark = 20_000 }))
        {
            push.Connect($"tcp://127.0.0.1:{port}");
            foreach (var t in ticks)
            {
                var json = string.Create(CultureInfo.InvariantCulture,
                    $$"""{"type":"tick","ea_id":"bt-feed","ea_token":"bt-token","symbol":"EURUSD","bid":{{t.Bid:R}},"ask":{{t.Ask:R}},"ts_ms":{{t.TsMs}}}""");
                await push.SendAsync(Encoding.UTF8.GetBytes(json));
            }

            await Wait.UntilAsync(() => engine.Counters.TicksAccepted + engine.Counters.Rejections().Sum(r => r.Count) + runtime.IngestRejected.Sum() >= ticks.Count,
                TimeSpan.FromMinutes(4), $"the live engine took all {ticks.Count} ticks");
        }

        runtime.IngestRejected.Sum().ShouldBe(0, "no tick was dropped or refused by ingest");
        engine.Counters.TicksAccepted.ShouldBe(backtest.Counters.TicksAccepted);
        engine.Counters.Rejections().ShouldBe(backtest.Counters.Rejections(), "the same tick checks refuse the same ticks (price jumps)");
        var resolved = backtest.Signals.Count(s => s.Resolved);
        await Wait.UntilAsync(async () =>
        {
            await using var scope = _factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SignalsDbContext>();
            return await db.Signals.CountAsync() >= backtest.Signals.Count && await db.Signals.CountAsync(s => s.Status == (int)SignalStatus.Resolved) >= resolved;
        }, TimeSpan.FromMinutes(1), $"the {backtest.Signals.Count} signals and {resolved} outcomes are stored");

        await using var read = _factory.Services.CreateAsyncScope();
        var live = await read.ServiceProvider.GetRequiredService<SignalsDbContext>().Signals.AsNoTracking().OrderBy(s => s.CreatedMs).ToListAsync();
        var expected = backtest.Signals.Select(s => Line(SignalWire.Record(s.Signal, 0))).ToList();
        var actual = live.Select(Line).ToList();
        var first = Enumerable.Range(0, Math.Min(expected.Count, actual.Count)).FirstOrDefault(i => expected[i] != actual[i], -1);
        actual.ShouldBe(expected, $"the live engine's signals are the backtest's, field by field (counts {actual.Count} vs {expected.Count}; first difference at {first})");
        live.Select(s => (s.Status == (int)SignalStatus.Resolved ? s.Outcome : 0, s.RMultiple ?? 0, s.ResolvedMs ?? 0)).ShouldBe(
            backtest.Signals.Select(s => ((int)s.Outcome, s.Resolved ? s.R : 0, s.Resolved ? s.ResolvedMs : 0)), "and their virtual outcomes are the same");
    }

    private static string Line(SignalRecord s) => string.Create(CultureInfo.InvariantCulture,
        $"{s.BarOpenMs} {s.CreatedMs} {s.Symbol} {s.Pattern} {s.Side} {s.Entry:0.##########} {s.StopLoss:0.##########} {s.TakeProfit:0.##########} tcs={s.Confidence:R} pattern={s.PatternScore:R} shield={s.ShieldScore:R} {s.ShieldClass} " +
        $"p={s.WinProbability:R} ev={s.ExpectedValueR:R} thr={s.Threshold:R} {s.Session} {s.SignalClass} {s.ComponentsJson} {s.ShieldJson} {s.FeaturesJson}");

    public void Dispose() => _factory.Dispose();
}
