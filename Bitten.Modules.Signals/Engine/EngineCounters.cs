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

    public long TicksAccepted => Interlocked.Read(ref _ticks);

    public long BarsClosed => Interlocked.Read(ref _bars);

    public long DetectorRuns => Interlocked.Read(ref _detectorRuns);

    public void Tick() => Interlocked.Increment(ref _ticks);

    public void Bar() => Interlocked.Increment(ref _bars);

    public void DetectorRun() => Interlocked.Increment(ref _detectorRuns);

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
