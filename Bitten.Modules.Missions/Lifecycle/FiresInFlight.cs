using System.Collections.Concurrent;

namespace Bitten.Modules.Missions.Lifecycle;

/// <summary>
/// Missions whose fire request to Execution is running in this process (singleton): moved to FIRING, answer not yet
/// back. The FIRING reconciliation leaves them alone however long Execution takes (a loaded host can take seconds).
/// After a crash the set is empty, so every mission the dead process left FIRING is reconciled.
/// </summary>
internal sealed class FiresInFlight
{
    private readonly ConcurrentDictionary<string, int> _missions = new(StringComparer.Ordinal);

    /// <summary>Marks the mission in flight until the returned handle is disposed (counted: two presses of one mission overlap).</summary>
    public IDisposable Begin(string missionId)
    {
        _missions.AddOrUpdate(missionId, 1, (_, n) => n + 1);
        return new Flight(this, missionId);
    }

    public bool Contains(string missionId) => _missions.ContainsKey(missionId);

    private void End(string missionId)
    {
        while (_missions.TryGetValue(missionId, out var n))
        {
            if (n <= 1 ? _missions.TryRemove(KeyValuePair.Create(missionId, n)) : _missions.TryUpdate(missionId, n - 1, n))
            {
                return;
            }
        }
    }

    private sealed class Flight(FiresInFlight owner, string missionId) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.End(missionId);
            }
        }
    }
}
