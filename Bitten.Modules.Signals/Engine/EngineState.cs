using System.Collections.Concurrent;

namespace Bitten.Modules.Signals.Engine;

/// <summary>The current adaptive TCS threshold, read by the engine, written by the reviewing job.</summary>
internal sealed class ThresholdState(double initial)
{
    private double _current = initial;

    public double Current
    {
        get => Volatile.Read(ref _current);
        set => Volatile.Write(ref _current, value);
    }
}

/// <summary>Realised wins and losses per pattern (virtual outcomes), for the prior win probability.</summary>
internal sealed class PatternRecord
{
    private readonly ConcurrentDictionary<string, (int Wins, int Losses)> _record = new(StringComparer.Ordinal);

    public (int Wins, int Losses) For(string pattern) => _record.GetValueOrDefault(pattern);

    public void Add(string pattern, bool win, int count = 1) =>
        _record.AddOrUpdate(pattern, _ => win ? (count, 0) : (0, count), (_, r) => win ? (r.Wins + count, r.Losses) : (r.Wins, r.Losses + count));
}
