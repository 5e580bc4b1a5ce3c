using System.Diagnostics;
using System.Globalization;
using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Engine;
using Bitten.Modules.Signals.Ingest;
using Bitten.Modules.Signals.Market;
using Bitten.Modules.Signals.Replay;
using Bitten.Modules.Signals.Scoring;

namespace Bitten.Modules.Signals.Backtest;

/// <summary>
/// Replays history through the live <see cref="SignalEngine"/> — the same tick checks, candle builder,
/// indicators, structure, detectors, scoring, gates and virtual outcome tracker — on the data's own
/// clock: the clock steps that live would make between two ticks (bar closes at each minute's end plus
/// the grace, while the feed is within the gap window) are made at the simulated times, and the adaptive
/// threshold is reviewed every 4 hours of data time over the last 24, as the live job does.
/// Deterministic: the same data and settings give the same signals, ids included.
/// </summary>
internal static class BacktestRunner
{
    private const int ReportEvery = 1 << 16;

    public static BacktestResult Run(
        ReplaySource source,
        BacktestSettings settings,
        IWinProbabilityModel? model = null,
        Action<BacktestProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var symbols = new SymbolCatalog([settings.Replay.Symbol], []);
        var recorder = new BacktestRecorder();
        var threshold = new ThresholdState(settings.FixedThreshold ?? settings.Threshold.Initial);
        long sequence = 0;
        var engine = new SignalEngine(symbols, settings.Engine, recorder, model ?? new NoWinProbabilityModel(), threshold, new PatternRecord(),
            _ => string.Create(CultureInfo.InvariantCulture, $"BT{++sequence:D6}"));
        var reviews = new ThresholdReviews(settings, threshold, recorder);
        var grace = settings.Engine.CloseGraceMs;
        var gap = settings.Engine.GapMs;
        var timed = model as ModelFrom;
        var stopwatch = Stopwatch.StartNew();
        var last = long.MinValue;
        var lastMinuteEnd = long.MinValue; // end of the minute holding `last`: found once per minute, not per tick
        long count = 0;
        while (source.TryRead(out var t))
        {
            if (last == long.MinValue)
            {
                reviews.Start(t.TsMs);
            }
            else if (t.TsMs - last > grace)
            {
                if (settings.DataClock)
                {
                    // The live clock between two ticks: each minute end + grace closes what is due, while the feed is within the gap window.
                    var limit = Math.Min(t.TsMs - 1, last + gap);
                    for (var due = lastMinuteEnd + grace; due <= limit; due += 60_000)
                    {
                        engine.OnClock(due);
                    }
                }
            }

            reviews.Until(t.TsMs);
            if (timed is not null)
            {
                timed.NowMs = t.TsMs;
            }

            engine.OnTick(new TickEvent(0, t.Bid, t.Ask, t.TsMs, 0));
            last = t.TsMs;
            if (last >= lastMinuteEnd)
            {
                // Most often the next minute (no division); after a gap, the minute is found by division.
                lastMinuteEnd = lastMinuteEnd != long.MinValue && last - lastMinuteEnd < 60_000 ? lastMinuteEnd + 60_000 : last - Mod(last, 60_000) + 60_000;
            }

            if ((++count & (ReportEvery - 1)) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Invoke(new BacktestProgress(source.Progress, source.Ticks, source.Bars, recorder.Signals.Count, stopwatch.Elapsed, t.TsMs));
            }
        }

        if (settings.CloseAtEnd && last != long.MinValue)
        {
            // End of data: the clock runs on through the gap window, closing the last bars (open trades stay open).
            for (var due = last - Mod(last, 60_000) + 60_000 + grace; due <= last + gap; due += 60_000)
            {
                engine.OnClock(due);
            }
        }

        stopwatch.Stop();
        progress?.Invoke(new BacktestProgress(1, source.Ticks, source.Bars, recorder.Signals.Count, stopwatch.Elapsed, last));
        var closed = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var tf in new[] { Timeframe.M1, Timeframe.M5, Timeframe.M15, Timeframe.H1 })
        {
            closed[tf.ToString()] = recorder.BarsByTimeframe[(int)tf];
        }

        return new BacktestResult(settings, [.. source.Files.Select(f => f.Path)], recorder.Signals, reviews.Changes, engine.Counters,
            source.Bars, source.Ticks, source.FirstTsMs, source.LastTsMs, closed, stopwatch.Elapsed);
    }

    private static long Mod(long value, long length) => ((value % length) + length) % length;

    /// <summary>The live threshold job on data time: at every 4-hour boundary, a review over the previous 24 hours.</summary>
    private sealed class ThresholdReviews(BacktestSettings settings, ThresholdState threshold, BacktestRecorder recorder)
    {
        private long _next = long.MaxValue;

        public List<ThresholdChangeRecord> Changes { get; } = [];

        public void Start(long firstMs) => _next = settings.FixedThreshold is null ? firstMs - Mod(firstMs, BacktestSettings.ReviewEveryMs) + BacktestSettings.ReviewEveryMs : long.MaxValue;

        public void Until(long nowMs)
        {
            while (_next <= nowMs)
            {
                Review(_next);
                _next += BacktestSettings.ReviewEveryMs;
            }
        }

        private void Review(long atMs)
        {
            var since = atMs - 86_400_000;
            int signals = 0, decided = 0, wins = 0;
            for (var i = recorder.Signals.Count - 1; i >= 0 && recorder.Signals[i].CreatedMs >= since; i--)
            {
                var s = recorder.Signals[i];
                if (s.CreatedMs > atMs)
                {
                    continue;
                }

                signals++;
                if (s.ResolvedMs <= atMs && s.Outcome is SignalOutcome.Win or SignalOutcome.Loss)
                {
                    decided++;
                    wins += s.Outcome == SignalOutcome.Win ? 1 : 0;
                }
            }

            double? winRate = decided == 0 ? null : wins / (double)decided;
            var decision = AdaptiveThreshold.Review(threshold.Current, settings.Threshold, signals, decided, winRate);
            if (decision.Changed)
            {
                threshold.Current = decision.Next;
                Changes.Add(ThresholdChangeRecord.From(atMs, decision, signals, winRate));
            }
        }
    }
}
