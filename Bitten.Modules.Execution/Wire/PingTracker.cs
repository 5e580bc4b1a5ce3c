using System.Collections.Concurrent;
using System.Diagnostics;
using Bitten.Modules.Execution.Registry;

namespace Bitten.Modules.Execution.Wire;

/// <summary>Outstanding pings by id; a pong from the same EA records the round trip.</summary>
internal sealed class PingTracker(EaRegistry registry, ExecutionMetrics metrics)
{
    private readonly ConcurrentDictionary<string, (string EaId, long Started)> _pending = new(StringComparer.Ordinal);

    public string Start(string eaId)
    {
        var id = Guid.NewGuid().ToString("N");
        _pending[id] = (eaId, Stopwatch.GetTimestamp());
        if (_pending.Count > 10_000)
        {
            _pending.Clear();
        }

        return id;
    }

    public bool Answer(string eaId, string? pingId)
    {
        if (pingId is null || !_pending.TryGetValue(pingId, out var ping) || ping.EaId != eaId || !_pending.TryRemove(pingId, out _))
        {
            return false;
        }

        var ms = Stopwatch.GetElapsedTime(ping.Started).TotalMilliseconds;
        registry.PingAnswered(eaId, ms);
        metrics.PingRtt(eaId, ms);
        return true;
    }
}
