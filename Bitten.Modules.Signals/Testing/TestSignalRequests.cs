using System.Collections.Concurrent;
using Bitten.Contracts.Common;

namespace Bitten.Modules.Signals.Testing;

/// <summary>
/// Operators' test-signal requests waiting for their symbol's next accepted tick (singleton). The HTTP endpoint adds,
/// the engine thread takes; <see cref="Pending"/> is one volatile read on the tick path.
/// </summary>
internal sealed class TestSignalRequests
{
    private readonly ConcurrentQueue<TestSignalRequest> _queue = new();
    private int _pending;

    public bool Pending => Volatile.Read(ref _pending) > 0;

    public int Count => Volatile.Read(ref _pending);

    public bool TryAdd(TestSignalRequest request, int limit)
    {
        if (Interlocked.Increment(ref _pending) > limit)
        {
            Interlocked.Decrement(ref _pending);
            return false;
        }

        _queue.Enqueue(request);
        return true;
    }

    /// <summary>Takes the requests for <paramref name="symbolIndex"/> (others keep their order); engine thread only.</summary>
    public void TakeFor(int symbolIndex, List<TestSignalRequest> into)
    {
        var count = _queue.Count;
        for (var i = 0; i < count && _queue.TryDequeue(out var request); i++)
        {
            if (request.SymbolIndex == symbolIndex)
            {
                into.Add(request);
                Interlocked.Decrement(ref _pending);
            }
            else
            {
                _queue.Enqueue(request);
            }
        }
    }
}

/// <summary>One queued test signal.</summary>
internal sealed record TestSignalRequest(int SymbolIndex, Side Side, double Confidence);
