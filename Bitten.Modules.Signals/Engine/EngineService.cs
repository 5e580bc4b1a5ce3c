using Bitten.Contracts.Common;
using Bitten.Contracts.Hosting;
using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Candles;
using Bitten.Modules.Signals.Detectors;
using Bitten.Modules.Signals.Ingest;
using Bitten.Modules.Signals.Outcomes;
using Bitten.Modules.Signals.Persistence;
using Bitten.Modules.Signals.Publishing;
using Bitten.Modules.Signals.Structure;
using Bitten.Zmq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Signals.Engine;

/// <summary>
/// The engine's thread: warms each symbol from stored bars, re-arms open signals, then applies ticks
/// from the ingest channel and the clock. Owns the market relay PUB socket (5560).
/// </summary>
internal sealed class EngineService(
    SignalsRuntime runtime,
    IWinProbabilityModel model,
    IOptions<ZmqOptions> zmq,
    BoundEndpoints endpoints,
    IServiceScopeFactory scopes,
    Testing.TestSignalRequests testSignals,
    TimeProvider time,
    ILogger<EngineService> logger) : BackgroundService
{
    private static readonly TimeSpan ClockInterval = TimeSpan.FromMilliseconds(250);

    // Off the host's start-up path: warming reads signals.db (synchronously underneath: SQLite has no async I/O).
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() => RunAsync(stoppingToken), stoppingToken);

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        await using var relay = new ZmqSocket(ZmqSocketType.Pub, new ZmqSocketOptions { Name = "market", SendHighWaterMark = 10_000 });
        endpoints.Set("market", relay.Bind(zmq.Value.Endpoint(zmq.Value.MarketPort)));
        var output = new ChannelEngineOutput(runtime, relay);
        var o = runtime.Options;
        var settings = new EngineSettings(
            new DetectorSettings(RiskReward: o.RiskReward),
            new MarketStructureOptions(),
            CloseGraceMs: o.CloseGraceMs,
            GapMs: o.GapMinutes * 60_000L,
            MaxSpreadPips: o.MaxSpreadPips,
            MaxJumpAtr: o.MaxJumpAtr,
            SignalTtlMs: o.SignalTtlMinutes * 60_000L,
            OutcomeTimeoutMs: o.OutcomeTimeoutHours * 3_600_000L,
            MinExpectedValueR: o.MinExpectedValueR,
            StaleAfterMs: o.StaleAfterSeconds * 1000L,
            BlockWeekend: !o.SignalsAtWeekends);
        var engine = new SignalEngine(runtime.Symbols, settings, output, model, runtime.Threshold, runtime.PatternRecord,
            ms => SignalId.New(DateTimeOffset.FromUnixTimeMilliseconds(ms)).Value);
        await WarmAsync(engine, stoppingToken);
        runtime.Engine = engine;
        output.RefreshRelayPeers();

        // The clock's step (bar closes on quiet markets, trade timeouts, the relay's peer check) is a flag on the tick
        // queue, raised every 250 ms, so the engine waits on the queue alone. The loop then runs on a thread of its own.
        using var clock = new Timer(static state => ((TickQueue)state!).RequestClock(), runtime.TickQueue, ClockInterval, ClockInterval);
        await Task.Factory.StartNew(() => Run(engine, output, stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The engine thread: applies ticks as they are published, without waiting between them; blocks only on an empty queue.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // hot path: see docs/signals-live-path.md (tiering)
    private void Run(SignalEngine engine, ChannelEngineOutput output, CancellationToken stoppingToken)
    {
        var queue = runtime.TickQueue;
        var lastClock = 0L;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var drained = 0;
                while (queue.TryRead(out var tick))
                {
                    if (engine.OnTick(tick) == IngestRejectReason.None)
                    {
                        runtime.LastBid[tick.SymbolIndex] = tick.Bid;
                        runtime.LastAsk[tick.SymbolIndex] = tick.Ask;
                        Volatile.Write(ref runtime.LastTickMs[tick.SymbolIndex], tick.TsMs);
                        output.RelayTick(tick.SymbolIndex, tick.Bid, tick.Ask, tick.TsMs);
                        if (testSignals.Pending)
                        {
                            ForceTestSignals(engine, tick.SymbolIndex);
                        }
                    }

                    // bars closed by this tick go to the writer after its signal, if any (a signal never queues behind them)
                    output.FlushBars();
                    if ((++drained & 4095) == 0)
                    {
                        lastClock = Clock(engine, output, lastClock); // a long backlog still steps the clock
                    }
                }

                if (queue.TakeClockRequest())
                {
                    lastClock = Clock(engine, output, lastClock);
                }

                if (!queue.Wait(stoppingToken))
                {
                    break;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Log.EngineLoopFailed(logger, ex);
            }
        }
    }

    private readonly List<Testing.TestSignalRequest> _forced = [];

    // Right after the symbol's accepted tick, so the signal carries that tick's time and receipt (tick→signal is measured).
    private void ForceTestSignals(SignalEngine engine, int symbolIndex)
    {
        _forced.Clear();
        testSignals.TakeFor(symbolIndex, _forced);
        foreach (var request in _forced)
        {
            var signal = engine.ForceTestSignal(symbolIndex, request.Side, request.Confidence);
            Log.TestSignalForced(logger, signal?.SignalId ?? "(none: no price yet)", runtime.Symbols[symbolIndex].Name, request.Side.ToString());
        }
    }

    private long Clock(SignalEngine engine, ChannelEngineOutput output, long lastClock)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (now - lastClock < ClockInterval.TotalMilliseconds)
        {
            return lastClock;
        }

        engine.OnClock(now);
        output.FlushBars();
        output.RefreshRelayPeers();
        return now;
    }

    private async Task WarmAsync(SignalEngine engine, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsDbContext>();
        var warmBars = runtime.Options.WarmBars;
        var bars = 0;
        foreach (var symbol in runtime.Symbols.All)
        {
            foreach (var tf in new[] { Timeframe.M15, Timeframe.M5, Timeframe.M1 })
            {
                var take = tf == Timeframe.M1 ? 30 : warmBars;
                var stored = await db.Bars.AsNoTracking()
                    .Where(b => b.Symbol == symbol.Name && b.Timeframe == (int)tf)
                    .OrderByDescending(b => b.OpenTimeMs).Take(take).ToListAsync(cancellationToken);
                foreach (var b in stored.OrderBy(b => b.OpenTimeMs))
                {
                    engine.Warm(symbol.Index, new Candle(tf, b.OpenTimeMs, (double)b.Open, (double)b.High, (double)b.Low, (double)b.Close, b.TickVolume, (double)b.MeanSpread, b.AfterGap));
                    bars++;
                }
            }
        }

        var open = await db.Signals.AsNoTracking().Where(s => s.Status == (int)SignalStatus.Open).ToListAsync(cancellationToken);
        foreach (var s in open)
        {
            var symbol = runtime.Symbols.Find(s.Symbol);
            if (symbol is not null)
            {
                engine.Rearm(new VirtualTrade(s.Id, symbol.Index, s.Pattern, (Side)s.Side, (double)s.Entry, (double)s.StopLoss, (double)s.TakeProfit,
                    symbol.PipSize, s.CreatedMs, runtime.Options.OutcomeTimeoutHours * 3_600_000L));
            }
        }

        foreach (var row in await db.Signals.AsNoTracking().Where(s => s.Status == (int)SignalStatus.Resolved && (s.Outcome == (int)SignalOutcome.Win || s.Outcome == (int)SignalOutcome.Loss))
                     .GroupBy(s => new { s.Pattern, s.Outcome }).Select(g => new { g.Key.Pattern, g.Key.Outcome, Count = g.Count() }).ToListAsync(cancellationToken))
        {
            runtime.PatternRecord.Add(row.Pattern, row.Outcome == (int)SignalOutcome.Win, row.Count);
        }

        var lastChange = await db.ThresholdChanges.AsNoTracking().OrderByDescending(t => t.AtMs).FirstOrDefaultAsync(cancellationToken);
        if (lastChange is not null)
        {
            runtime.Threshold.Current = lastChange.Next;
        }

        Log.EngineWarmed(logger, bars, open.Count, runtime.Threshold.Current);
    }
}
