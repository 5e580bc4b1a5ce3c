using Bitten.Modules.Signals.Detectors;
using Bitten.Modules.Signals.Ingest;

namespace Bitten.Modules.Signals.Engine;

/// <summary>
/// The engine's counts, kept as plain longs on the engine thread (no instrument call per tick) and read
/// by observable instruments and /healthz.
/// </summary>
internal sealed class EngineCounters
{
    private readonly long[] _rejected = new long[IngestRejectReasons.Count];
    private readonly Dictionary<string, long> _candidates = DetectorSet.All.ToDictionary(d => d.Pattern, _ => 0L, StringComparer.Ordinal);
    private readonly Dictionary<string, long> _published = DetectorSet.All.ToDictionary(d => d.Pattern, _ => 0L, StringComparer.Ordinal);
    private readonly Dictionary<string, long> _gated = new(StringComparer.Ordinal);
    private long _ticks;
    private long _bars;
    private long _detectorRuns;

    // Ticks, bars and detector runs are counted by the engine thread alone: a plain increment published
    // with a volatile store is exact and costs no locked instruction on the per-tick path; readers on
    // other threads read the whole 64-bit value atomically.
    public long TicksAccepted => Volatile.Read(ref _ticks);

    public long BarsClosed => Volatile.Read(ref _bars);

    public long DetectorRuns => Volatile.Read(ref _detectorRuns);

    public void Tick() => Volatile.Write(ref _ticks, _ticks + 1);

    public void Bar() => Volatile.Write(ref _bars, _bars + 1);

    public void DetectorRun() => Volatile.Write(ref _detectorRuns, _detectorRuns + 1);

    public void Rejected(IngestRejectReason reason) => Interlocked.Increment(ref _rejected[(int)reason]);

    public long RejectedCount(IngestRejectReason reason) => Interlocked.Read(ref _rejected[(int)reason]);

    public IEnumerable<(string Reason, long Count)> Rejections() =>
        Enum.GetValues<IngestRejectReason>().Where(r => r != IngestRejectReason.None).Select(r => (IngestRejectReasons.Label(r), RejectedCount(r)));

    public void Candidate(string pattern)
    {
        lock (_candidates)
        {
            _candidates[pattern] = _candidates.GetValueOrDefault(pattern) + 1;
        }
    }

    public void Published(string pattern)
    {
        lock (_published)
        {
            _published[pattern] = _published.GetValueOrDefault(pattern) + 1;
        }
    }

    public void Gated(string reason)
    {
        lock (_gated)
        {
            _gated[reason] = _gated.GetValueOrDefault(reason) + 1;
        }
    }

    public IReadOnlyDictionary<string, long> CandidatesByPattern()
    {
        lock (_candidates)
        {
            return new Dictionary<string, long>(_candidates);
        }
    }

    public IReadOnlyDictionary<string, long> PublishedByPattern()
    {
        lock (_published)
        {
            return new Dictionary<string, long>(_published);
        }
    }

    public IReadOnlyDictionary<string, long> GatedByReason()
    {
        lock (_gated)
        {
            return new Dictionary<string, long>(_gated);
        }
    }
}
