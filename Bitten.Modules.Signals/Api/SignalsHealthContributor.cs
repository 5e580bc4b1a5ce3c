using Bitten.Contracts.Hosting;
using Bitten.Modules.Signals.Engine;
using Bitten.Modules.Signals.Ingest;
using Bitten.Modules.Signals.Market;

namespace Bitten.Modules.Signals.Api;

/// <summary>
/// <c>/healthz</c> entry <c>feed</c>: tick age per symbol, suspended (stale) symbols, bars, last signal,
/// threshold and ingest drops by reason. Stale active symbols make it Degraded (their signals and fires
/// are suspended), not Unhealthy: the server itself is fine.
/// </summary>
internal sealed class SignalsHealthContributor(SignalsRuntime runtime, TimeProvider time) : IHealthContributor
{
    public string Name => "feed";

    public Task<HealthContribution> CheckAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var symbols = new Dictionary<string, object?>();
        var stale = new List<string>();
        foreach (var symbol in runtime.Symbols.All)
        {
            var last = Volatile.Read(ref runtime.LastTickMs[symbol.Index]);
            var isStale = runtime.IsStale(symbol.Index, now);
            if (isStale && symbol.Active)
            {
                stale.Add(symbol.Name);
            }

            symbols[symbol.Name] = new
            {
                tick_age_s = last == long.MinValue ? (double?)null : Math.Round((now - last) / 1000.0, 1),
                suspended = isStale,
                active = symbol.Active,
            };
        }

        var engine = runtime.Engine;
        var lastSignal = Volatile.Read(ref runtime.LastSignalMs);
        var data = new Dictionary<string, object?>
        {
            ["engine_ready"] = engine is not null,
            ["weekend"] = TradingCalendar.IsWeekend(now),
            ["symbols"] = symbols,
            ["suspended"] = stale,
            ["ticks_accepted"] = engine?.Counters.TicksAccepted ?? 0,
            ["bars_closed"] = engine?.Counters.BarsClosed ?? 0,
            ["open_signals"] = engine?.Tracker.OpenCount ?? 0,
            ["last_signal_age_s"] = lastSignal == long.MinValue ? null : Math.Round((now - lastSignal) / 1000.0, 1),
            ["threshold"] = runtime.Threshold.Current,
            ["tick_queue_depth"] = runtime.TickQueue.Count,
            ["rejected"] = Enum.GetValues<IngestRejectReason>().Where(r => r != IngestRejectReason.None)
                .Select(r => (IngestRejectReasons.Label(r), Interlocked.Read(ref runtime.IngestRejected[(int)r]) + (engine?.Counters.RejectedCount(r) ?? 0)))
                .Where(p => p.Item2 > 0).ToDictionary(p => p.Item1, p => (object?)p.Item2),
        };
        return Task.FromResult(stale.Count == 0 || TradingCalendar.IsWeekend(now)
            ? HealthContribution.Healthy(data)
            : HealthContribution.Degraded($"feed suspended for {string.Join(", ", stale)} (no tick for over {runtime.Options.StaleAfterSeconds} s)", data));
    }
}
