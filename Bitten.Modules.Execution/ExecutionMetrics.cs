using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Bitten.Modules.Execution.Registry;

namespace Bitten.Modules.Execution;

/// <summary>Meter <c>Bitten.Execution</c>: fires by outcome, rejected EA messages by reason, EAs online, per-EA equity and ping latency.</summary>
internal sealed class ExecutionMetrics
{
    private readonly Counter<long> _fires;
    private readonly Counter<long> _refusals;
    private readonly Counter<long> _rejected;
    private readonly Histogram<double> _pingRtt;

    public ExecutionMetrics(IMeterFactory meters, EaRegistry registry, TimeProvider time)
    {
        var meter = meters.Create("Bitten.Execution");
        _fires = meter.CreateCounter<long>("bitten_fires_total", description: "Fire state changes, by status");
        _refusals = meter.CreateCounter<long>("bitten_fire_refusals_total", description: "Fires refused, by reason");
        _rejected = meter.CreateCounter<long>("bitten_ea_rejected_messages_total", description: "EA messages rejected or dropped, by reason (PROTOCOL)");
        _pingRtt = meter.CreateHistogram<double>("bitten_ea_ping_rtt_ms", "ms", "Round trip of ping/pong per EA");
        meter.CreateObservableGauge("bitten_eas_online", () => registry.Snapshot().Count(s => s.IsFresh(time.GetUtcNow(), registry.StaleAfter)), description: "EAs seen within the staleness limit");
        meter.CreateObservableGauge("bitten_ea_equity", () => registry.Snapshot().Select(s => new Measurement<double>((double)s.Equity, new KeyValuePair<string, object?>("ea_id", s.EaId))), description: "Equity per EA, account currency");
        meter.CreateObservableGauge("bitten_ea_last_seen_age_s", () => registry.Snapshot().Where(s => s.LastSeenMs > 0).Select(s => new Measurement<double>((time.GetUtcNow().ToUnixTimeMilliseconds() - s.LastSeenMs) / 1000.0, new KeyValuePair<string, object?>("ea_id", s.EaId))), description: "Seconds since each EA was last seen");
    }

    public ConcurrentDictionary<string, long> Rejections { get; } = new(StringComparer.Ordinal);

    public void Fire(string status, int count = 1)
    {
        if (count > 0)
        {
            _fires.Add(count, new KeyValuePair<string, object?>("status", status));
        }
    }

    public void Refused(string reason) => _refusals.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Rejected(string reason)
    {
        Rejections.AddOrUpdate(reason, 1, (_, n) => n + 1);
        _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason));
    }

    public void PingRtt(string eaId, double ms) => _pingRtt.Record(ms, new KeyValuePair<string, object?>("ea_id", eaId));
}
