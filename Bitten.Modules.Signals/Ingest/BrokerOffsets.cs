using System.Collections.Concurrent;

namespace Bitten.Modules.Signals.Ingest;

/// <summary>
/// Each EA's broker-time offset from UTC (seconds), learnt from its hello/heartbeat, used to read the
/// legacy broker-time strings. Unknown EAs count as UTC. Lookups by span do not allocate.
/// </summary>
internal sealed class BrokerOffsets
{
    private readonly ConcurrentDictionary<string, int> _offsets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public BrokerOffsets() => _lookup = _offsets.GetAlternateLookup<ReadOnlySpan<char>>();

    public int SecondsFor(ReadOnlySpan<char> eaId) => _lookup.TryGetValue(eaId, out var seconds) ? seconds : 0;

    public void Set(string eaId, int seconds) => _offsets[eaId] = seconds;
}
