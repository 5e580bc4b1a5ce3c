namespace Bitten.Zmq.Transport;

/// <summary>
/// A level-free wake-up for waiters ("something changed, look again"). Take <see cref="Next"/>,
/// re-check your condition, then await the task. Costs nothing when nobody waits.
/// </summary>
internal sealed class AsyncSignal
{
    private TaskCompletionSource? _next;

    public Task Next
    {
        get
        {
            var current = Volatile.Read(ref _next);
            if (current is not null)
            {
                return current.Task;
            }

            var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return (Interlocked.CompareExchange(ref _next, created, null) ?? created).Task;
        }
    }

    public void Pulse()
    {
        if (Volatile.Read(ref _next) is null)
        {
            return;
        }

        Interlocked.Exchange(ref _next, null)?.TrySetResult();
    }
}
