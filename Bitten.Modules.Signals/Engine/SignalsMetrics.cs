using System.Diagnostics.Metrics;
using Bitten.Modules.Signals.Ingest;

namespace Bitten.Modules.Signals.Engine;

/// <summary>
/// The module's instruments (meter <c>Bitten.Signals</c>): counts read from the engine's plain counters
/// when scraped (nothing per tick), plus the published counter and the tick→signal latency histogram.
/// </summary>
internal sealed class SignalsMetrics
{
    public SignalsMetrics(IMeterFactory meters, SignalsRuntime runtime)
    {
        var meter = meters.Create("Bitten.Signals");
        Published = meter.CreateCounter<long>("bitten_signals_published", description: "Signals stored and published, by pattern");
        TickToSignal = meter.CreateHistogram<double>("bitten_tick_to_signal_ms", "ms", "From receipt of the tick that closed the bar to the signal on the PUB socket", tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100, 250, 1000] });
        meter.CreateObservableCounter("bitten_ticks_in", () => runtime.Engine?.Counters.TicksAccepted ?? 0, description: "Ticks accepted by the engine");
        meter.CreateObservableCounter("bitten_feed_messages", () => Interlocked.Read(ref runtime.MessagesReceived), description: "Messages received on the feed socket");
        meter.CreateObservableCounter("bitten_bars_closed", () => runtime.Engine?.Counters.BarsClosed ?? 0, description: "Candles closed, all timeframes");
        meter.CreateObservableCounter("bitten_detector_runs", () => runtime.Engine?.Counters.DetectorRuns ?? 0, description: "Detector evaluations");
        meter.CreateObservableCounter("bitten_ticks_rejected", () => Rejections(runtime), description: "Feed messages and ticks rejected, by reason");
        meter.CreateObservableCounter("bitten_detector_candidates", () =>
            (runtime.Engine?.Counters.CandidatesByPattern() ?? new Dictionary<string, long>()).Select(p => new Measurement<long>(p.Value, new KeyValuePair<string, object?>("pattern", p.Key))),
            description: "Detector candidates, by pattern");
        meter.CreateObservableCounter("bitten_candidates_gated", () =>
            (runtime.Engine?.Counters.GatedByReason() ?? new Dictionary<string, long>()).Select(p => new Measurement<long>(p.Value, new KeyValuePair<string, object?>("reason", p.Key))),
            description: "Candidates not published, by gate");
        meter.CreateObservableGauge("bitten_adaptive_threshold", () => runtime.Threshold.Current, description: "Current TCS threshold");
        meter.CreateObservableGauge("bitten_tick_queue_depth", () => runtime.TickQueue.Count, description: "Ticks waiting for the engine");
    }

    public Counter<long> Published { get; }

    public Histogram<double> TickToSignal { get; }

    private static IEnumerable<Measurement<long>> Rejections(SignalsRuntime runtime)
    {
        foreach (var reason in Enum.GetValues<IngestRejectReason>())
        {
            if (reason == IngestRejectReason.None)
            {
                continue;
            }

            var count = Interlocked.Read(ref runtime.IngestRejected[(int)reason]) + (runtime.Engine?.Counters.RejectedCount(reason) ?? 0);
            yield return new Measurement<long>(count, new KeyValuePair<string, object?>("reason", IngestRejectReasons.Label(reason)));
        }
    }
}
