using System.Collections.Concurrent;

namespace Bitten.Modules.Missions.Creation;

/// <summary>
/// Signals whose fan-out is running in this process (singleton). The announcement recovery leaves their missions
/// alone: a fan-out of thousands of users can take longer than <c>ReannounceAfterSeconds</c> to announce, and
/// announcing its rows again meanwhile sent users the same mission twice. After a crash the set is empty, so the
/// recovery still finds every mission the dead process left unannounced.
/// </summary>
internal sealed class FanOutsInProgress
{
    private readonly ConcurrentDictionary<string, int> _signals = new(StringComparer.Ordinal);

    public IDisposable Begin(string signalId)
    {
        _signals.AddOrUpdate(signalId, 1, (_, n) => n + 1);
        return new Running(this, signalId);
    }

    public IReadOnlyList<string> Snapshot() => [.. _signals.Keys];

    private void End(string signalId)
    {
        while (_signals.TryGetValue(signalId, out var n))
        {
            if (n <= 1 ? _signals.TryRemove(KeyValuePair.Create(signalId, n)) : _signals.TryUpdate(signalId, n - 1, n))
            {
                return;
            }
        }
    }

    private sealed class Running(FanOutsInProgress owner, string signalId) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.End(signalId);
            }
        }
    }
}
