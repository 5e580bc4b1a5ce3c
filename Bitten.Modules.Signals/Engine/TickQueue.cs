using System.Runtime.InteropServices;
using Bitten.Modules.Signals.Ingest;

namespace Bitten.Modules.Signals.Engine;

/// <summary>
/// The bounded tick queue between the ingest (one producer at a time) and the engine thread (the one
/// consumer): a ring of <see cref="TickEvent"/> structs with no lock and no allocation per tick.
/// The producer writes ticks with <see cref="TryWrite"/> and makes them visible with one
/// <see cref="Publish"/> per batch (one fence per batch, not per tick); the engine is woken only when it
/// sleeps. A full queue refuses the tick (the caller counts it as <c>queue_full</c>). The engine's clock
/// step arrives as a flag (<see cref="RequestClock"/>) rather than as an item, so the timer is no second
/// producer.
/// </summary>
internal sealed class TickQueue
{
    private readonly TickEvent[] _items;
    private readonly int _mask;
    private readonly int _capacity;
    // never disposed: it holds no kernel handle unless its WaitHandle is asked for, which nothing does
    private readonly ManualResetEventSlim _wake = new(false, spinCount: 0);
    private Indices _i;

    public TickQueue(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        var size = (int)Math.Min(1L << 30, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity));
        _items = new TickEvent[size];
        _mask = size - 1;
    }

    public int Capacity => _capacity;

    /// <summary>Ticks published and not yet taken (approximate while both sides run).</summary>
    public int Count => (int)Math.Max(0, Volatile.Read(ref _i.Tail) - Volatile.Read(ref _i.Head));

    public bool IsCompleted => Volatile.Read(ref _i.Completed) != 0;

    /// <summary>Producer: stores a tick, visible to the engine after the next <see cref="Publish"/>. False when full.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // hot path: see docs/signals-live-path.md (tiering)
    public bool TryWrite(in TickEvent tick)
    {
        var tail = _i.ProducerTail;
        if (tail - _i.ProducerCachedHead >= _capacity)
        {
            _i.ProducerCachedHead = Volatile.Read(ref _i.Head);
            if (tail - _i.ProducerCachedHead >= _capacity)
            {
                return false;
            }
        }

        _items[(int)(tail & _mask)] = tick;
        _i.ProducerTail = tail + 1;
        return true;
    }

    /// <summary>Producer: makes every tick written so far visible, and wakes the engine if it sleeps.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // hot path: see docs/signals-live-path.md (tiering)
    public void Publish()
    {
        var tail = _i.ProducerTail;
        if (tail == _i.PublishedTail)
        {
            return;
        }

        _i.PublishedTail = tail;
        Volatile.Write(ref _i.Tail, tail);
        WakeIfWaiting();
    }

    /// <summary>Any thread: asks the engine for a clock step at its next turn.</summary>
    public void RequestClock()
    {
        Volatile.Write(ref _i.ClockDue, 1);
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _i.Waiting) != 0)
        {
            _wake.Set();
        }
    }

    /// <summary>Producer: no more ticks; the engine's wait ends.</summary>
    public void Complete()
    {
        Publish();
        Volatile.Write(ref _i.Completed, 1);
        _wake.Set();
    }

    /// <summary>Consumer: takes the next published tick.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // hot path: see docs/signals-live-path.md (tiering)
    public bool TryRead(out TickEvent tick)
    {
        var head = _i.ConsumerHead;
        if (head == _i.ConsumerCachedTail)
        {
            _i.ConsumerCachedTail = Volatile.Read(ref _i.Tail);
            if (head == _i.ConsumerCachedTail)
            {
                tick = default;
                return false;
            }
        }

        tick = _items[(int)(head & _mask)];
        _i.ConsumerHead = head + 1;
        Volatile.Write(ref _i.Head, head + 1);
        return true;
    }

    /// <summary>Consumer: true (and cleared) when a clock step was requested.</summary>
    public bool TakeClockRequest() => Volatile.Read(ref _i.ClockDue) != 0 && Interlocked.Exchange(ref _i.ClockDue, 0) != 0;

    /// <summary>
    /// Consumer: blocks until a tick is published, a clock step is requested, or the queue completes.
    /// False once completed and drained.
    /// </summary>
    public bool Wait(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (Volatile.Read(ref _i.Tail) != _i.ConsumerHead || Volatile.Read(ref _i.ClockDue) != 0)
            {
                return true;
            }

            if (IsCompleted)
            {
                return false;
            }

            _wake.Reset();
            Volatile.Write(ref _i.Waiting, 1);
            Interlocked.MemoryBarrier(); // pairs with the producer's barrier: either it sees Waiting, or we see its tail
            if (Volatile.Read(ref _i.Tail) == _i.ConsumerHead && Volatile.Read(ref _i.ClockDue) == 0 && !IsCompleted)
            {
                try
                {
                    _wake.Wait(cancellationToken);
                }
                finally
                {
                    Volatile.Write(ref _i.Waiting, 0);
                }
            }
            else
            {
                Volatile.Write(ref _i.Waiting, 0);
            }
        }
    }

    private void WakeIfWaiting()
    {
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _i.Waiting) != 0)
        {
            _wake.Set();
        }
    }

    /// <summary>The producer's and the consumer's fields on separate cache lines (no false sharing per tick).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 384)]
    private struct Indices
    {
        // shared, written by the producer
        [FieldOffset(64)]
        public long Tail;

        // producer-private
        [FieldOffset(128)]
        public long ProducerTail;

        [FieldOffset(136)]
        public long ProducerCachedHead;

        [FieldOffset(144)]
        public long PublishedTail;

        // shared, written by the consumer
        [FieldOffset(192)]
        public long Head;

        // consumer-private
        [FieldOffset(256)]
        public long ConsumerHead;

        [FieldOffset(264)]
        public long ConsumerCachedTail;

        // flags (rare)
        [FieldOffset(320)]
        public int ClockDue;

        [FieldOffset(324)]
        public int Waiting;

        [FieldOffset(328)]
        public int Completed;
    }
}
