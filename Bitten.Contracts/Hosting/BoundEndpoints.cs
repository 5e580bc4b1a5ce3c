using System.Collections.Concurrent;

namespace Bitten.Contracts.Hosting;

/// <summary>
/// The ports actually bound (port 0 in configuration picks a free one), by name: <c>feed</c>,
/// <c>signals</c>, <c>market</c>, <c>commands</c>, <c>reports</c>. Tests and the simulator read them.
/// </summary>
public sealed class BoundEndpoints
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<int>> _ports = new(StringComparer.Ordinal);

    public void Set(string name, int port) => Slot(name).TrySetResult(port);

    /// <summary>Waits until the named endpoint is bound.</summary>
    public Task<int> PortAsync(string name, CancellationToken cancellationToken = default) => Slot(name).Task.WaitAsync(cancellationToken);

    private TaskCompletionSource<int> Slot(string name) => _ports.GetOrAdd(name, _ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
}
