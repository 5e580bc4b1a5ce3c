using System.Threading.Tasks.Sources;

namespace Bitten.Zmq.Transport;

/// <summary>
/// A reusable, allocation-free wake-up for one waiter (a peer's read loop paused at its receive HWM)
/// and any number of releasers. A release that comes before the wait makes the next wait return at
/// once; waiters re-check their condition, so a spurious wake-up is harmless.
/// </summary>
internal sealed class ResumeGate : IValueTaskSource
{
    private const int Idle = 0;
    private const int Armed = 1;
    private const int Released = 2;
    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };
    private int _state;

    public ValueTask WaitAsync()
    {
        _core.Reset();
        if (Interlocked.CompareExchange(ref _state, Armed, Idle) != Idle)
        {
            Volatile.Write(ref _state, Idle);
            return ValueTask.CompletedTask;
        }

        return new ValueTask(this, _core.Version);
    }

    public void Release()
    {
        if (Interlocked.Exchange(ref _state, Released) == Armed)
        {
            Volatile.Write(ref _state, Idle);
            _core.SetResult(true);
        }
    }

    public void GetResult(short token) => _core.GetResult(token);

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
