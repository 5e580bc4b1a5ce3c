namespace Bitten.Simulator.Market;

/// <summary>
/// A seeded, deterministic synthetic market for several symbols: each symbol ticks on its own
/// (Poisson arrivals at a session-dependent rate) and the ticks come out in time order.
/// No ticks in the weekend window (Friday 21:00 to Sunday 22:00 UTC of simulated time) unless
/// <c>openAtWeekends</c> (the embedded demo), when the weekend trades like the same hours of a weekday.
/// </summary>
internal sealed class MarketGenerator
{
    private readonly SymbolPath[] _paths;
    private readonly long[] _lastMs;
    private readonly PriorityQueue<int, long> _due = new();
    private readonly bool _openAtWeekends;

    public MarketGenerator(IReadOnlyList<SymbolProfile> profiles, int seed, DateTimeOffset start, Func<SymbolProfile, double>? spreadPips = null, Func<SymbolProfile, double>? ticksPerSecond = null, bool openAtWeekends = false)
    {
        _openAtWeekends = openAtWeekends;
        ArgumentNullException.ThrowIfNull(profiles);
        _paths = new SymbolPath[profiles.Count];
        _lastMs = new long[profiles.Count];
        var startMs = (openAtWeekends ? start : MarketSessions.NextOpen(start)).ToUnixTimeMilliseconds();
        for (var i = 0; i < profiles.Count; i++)
        {
            var p = profiles[i];
            _paths[i] = new SymbolPath(p, unchecked((seed * 7919) + (i * 104_729) + 17), spreadPips?.Invoke(p) ?? p.SpreadPips, ticksPerSecond?.Invoke(p) ?? p.TicksPerSecond, p.BasePrice);
            _lastMs[i] = startMs;
            _due.Enqueue(i, NextTime(i, startMs));
        }
    }

    public IReadOnlyList<SymbolProfile> Profiles => [.. _paths.Select(p => p.Profile)];

    /// <summary>The time of the next tick (peek).</summary>
    public long NextTsMs => _due.TryPeek(out _, out var ts) ? ts : long.MaxValue;

    public SimTick Next()
    {
        _due.TryDequeue(out var index, out var tsMs);
        var dt = (tsMs - _lastMs[index]) / 1000.0;
        var (bid, ask) = _paths[index].Step(tsMs, dt);
        _lastMs[index] = tsMs;
        _due.Enqueue(index, NextTime(index, tsMs));
        return new SimTick(index, tsMs, bid, ask);
    }

    private long NextTime(int index, long fromMs)
    {
        var from = DateTimeOffset.FromUnixTimeMilliseconds(fromMs);
        var next = fromMs + Math.Max(1, (long)(_paths[index].NextGapSeconds(from) * 1000));
        if (_openAtWeekends)
        {
            return next;
        }

        var open = MarketSessions.NextOpen(DateTimeOffset.FromUnixTimeMilliseconds(next));
        if (open.ToUnixTimeMilliseconds() != next)
        {
            next = open.ToUnixTimeMilliseconds() + Math.Max(1, (long)(_paths[index].NextGapSeconds(open) * 1000));
            _lastMs[index] = open.ToUnixTimeMilliseconds() - 60_000; // the gap over the weekend is not diffused
        }

        return next;
    }
}
