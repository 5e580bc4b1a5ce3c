using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Missions.Stream;

/// <summary>
/// Fans mission events out to every open stream of their user. Per user: a ring of recent frames (for
/// <c>Last-Event-ID</c> resumption) and the open connections. Event ids increase monotonically across all users
/// and, being seeded from the clock at start, across restarts. One timer sends heartbeats to all connections
/// through the same queues, so each connection has exactly one writer and no thread of its own.
/// <para>
/// The replay rings are bounded three ways: at most <c>StreamReplayPerUser</c> frames per user, no frame older than
/// <c>StreamReplayMaxAgeMinutes</c>, and at most <c>StreamReplayBudgetMegabytes</c> for all users together (the
/// oldest frames of any user go first). A user with no open stream and nothing left to replay is forgotten, so idle
/// users cost nothing. A client whose missed events were dropped gets <c>event: resync</c> and reloads its missions.
/// </para>
/// </summary>
internal sealed class MissionStreamHub : IDisposable
{
    /// <summary>What one held frame costs beyond its bytes: the ring slot, the order entry and the array header.</summary>
    internal const int FrameOverheadBytes = 96;

    private readonly ConcurrentDictionary<long, UserStreams> _users = new();
    private readonly MissionsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MissionStreamHub> _logger;
    private readonly ITimer _heartbeat;
    private readonly long _firstId;
    private readonly TimeSpan _maxAge;
    private readonly long _budgetBytes;

    // Every held frame of every user in publish order: the eviction order for age and for the byte budget.
    // Lock order: a user's Gate may be held when taking _orderGate, never the reverse.
    private readonly Lock _orderGate = new();
    private readonly Queue<Held> _order = new();

    private long _lastId;
    private int _clients;
    private long _dropped;
    private long _heldBytes;
    private long _heldFrames;
    private long _evictedByAge;
    private long _evictedByBudget;
    private long _evictedPerUser;

    // The highest event id dropped from a user that has since been forgotten: a new entry for any user starts from
    // it, so a reconnect with an older Last-Event-ID is told to resync (at worst once more than strictly needed).
    private long _forgottenUpTo;

    public MissionStreamHub(IOptions<MissionsOptions> options, TimeProvider time, ILogger<MissionStreamHub> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        _maxAge = TimeSpan.FromMinutes(_options.StreamReplayMaxAgeMinutes);
        _budgetBytes = (long)_options.StreamReplayBudgetMegabytes * 1024 * 1024;
        _firstId = time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000;
        _lastId = _firstId;
        var every = TimeSpan.FromSeconds(_options.StreamHeartbeatSeconds);
        _heartbeat = time.CreateTimer(_ => Heartbeat(), null, every, every);
    }

    public int ClientCount => Volatile.Read(ref _clients);

    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <summary>Sizes of what the hub holds, for metrics and the admin memory diagnostics.</summary>
    public StreamHubStats Stats() => new(
        Users: _users.Count,
        Clients: ClientCount,
        ReplayFrames: Interlocked.Read(ref _heldFrames),
        ReplayBytes: Interlocked.Read(ref _heldBytes),
        ReplayBudgetBytes: _budgetBytes,
        OrderEntries: OrderCount(),
        EvictedByAge: Interlocked.Read(ref _evictedByAge),
        EvictedByBudget: Interlocked.Read(ref _evictedByBudget),
        EvictedPerUser: Interlocked.Read(ref _evictedPerUser));

    /// <summary>Opens a stream for the user, first queueing what was missed after <paramref name="lastEventId"/>.</summary>
    public (StreamClient? Client, SubscribeRefusal Refusal) Subscribe(long userId, long? lastEventId)
    {
        if (Interlocked.Increment(ref _clients) > _options.MaxStreamClients)
        {
            Interlocked.Decrement(ref _clients);
            return (null, SubscribeRefusal.ServerFull);
        }

        Trim(); // nothing older than the age limit is replayed, whenever the last sweep ran
        var user = Enter(userId);
        try
        {
            if (user.Clients.Count >= _options.MaxStreamsPerUser)
            {
                Interlocked.Decrement(ref _clients);
                return (null, SubscribeRefusal.TooManyForUser);
            }

            var client = new StreamClient(userId, Math.Max(_options.StreamClientQueue, _options.StreamReplayPerUser + 2));
            client.TryEnqueue(StreamFrames.Hello);
            if (lastEventId is { } last)
            {
                // Before this process started, or older than the ring holds: the client cannot be caught up event by event.
                if (last < _firstId || last < user.EvictedUpTo)
                {
                    client.TryEnqueue(StreamFrames.Resync(Volatile.Read(ref _lastId)));
                }

                foreach (var held in user.Ring)
                {
                    if (held.Id > last)
                    {
                        client.TryEnqueue(held.Frame);
                    }
                }
            }

            // Registered under the same lock as the replay: no event is missed or sent twice in between.
            user.Clients.Add(client);
            return (client, SubscribeRefusal.None);
        }
        finally
        {
            user.Gate.Exit();
        }
    }

    public void Unsubscribe(StreamClient client)
    {
        if (_users.TryGetValue(client.UserId, out var user))
        {
            lock (user.Gate)
            {
                if (user.Clients.Remove(client))
                {
                    Interlocked.Decrement(ref _clients);
                }

                ForgetIfIdle(user);
            }
        }

        client.Close();
    }

    /// <summary>Records an event for the user and queues it on each of their open streams; returns its id.</summary>
    public long Publish(long userId, string eventName, object payload)
    {
        long id;
        var user = Enter(userId);
        try
        {
            id = Interlocked.Increment(ref _lastId);
            var frame = StreamFrames.Event(id, eventName, payload);
            var at = _time.GetUtcNow();
            var bytes = frame.Length + FrameOverheadBytes;
            user.Ring.Enqueue(new RingFrame(id, frame, bytes));
            Interlocked.Add(ref _heldBytes, bytes);
            Interlocked.Increment(ref _heldFrames);
            lock (_orderGate)
            {
                _order.Enqueue(new Held(user, id, at));
            }

            while (user.Ring.Count > _options.StreamReplayPerUser)
            {
                DropOldest(user);
                Interlocked.Increment(ref _evictedPerUser);
            }

            Deliver(user, frame);
        }
        finally
        {
            user.Gate.Exit();
        }

        Trim(); // outside the user's lock: trimming takes other users' locks
        return id;
    }

    /// <summary>True when the user has at least one open stream (cheap; no allocation).</summary>
    public bool HasClients(long userId)
    {
        if (!_users.TryGetValue(userId, out var user))
        {
            return false;
        }

        lock (user.Gate)
        {
            return user.Clients.Count > 0;
        }
    }

    /// <summary>
    /// Sends a live-only frame (prices, position P/L) to the user's open streams: no id, not kept for replay,
    /// since a reconnecting client wants the next value, not the ones it missed.
    /// </summary>
    public void PublishTransient(long userId, string eventName, object payload)
    {
        if (!_users.TryGetValue(userId, out var user))
        {
            return;
        }

        lock (user.Gate)
        {
            if (user.Clients.Count > 0)
            {
                Deliver(user, StreamFrames.Transient(eventName, payload));
            }
        }
    }

    /// <summary>
    /// Drops held frames older than the age limit and, while over the byte budget, the oldest of any user; forgets
    /// users left with neither frames nor streams. Runs after every publish and on every heartbeat.
    /// </summary>
    public void Trim()
    {
        var cutoff = _time.GetUtcNow() - _maxAge;
        while (true)
        {
            Held oldest;
            bool byAge;
            lock (_orderGate)
            {
                if (!_order.TryPeek(out oldest))
                {
                    return;
                }

                byAge = oldest.At <= cutoff;
                if (!byAge && Interlocked.Read(ref _heldBytes) <= _budgetBytes)
                {
                    return;
                }

                _order.Dequeue();
            }

            var user = oldest.User;
            lock (user.Gate)
            {
                // Already gone when the user's own limit dropped it; otherwise it is the head of that user's ring.
                while (user.Ring.TryPeek(out var head) && head.Id <= oldest.Id)
                {
                    DropOldest(user);
                    Interlocked.Increment(ref byAge ? ref _evictedByAge : ref _evictedByBudget);
                }

                ForgetIfIdle(user);
            }
        }
    }

    public void Dispose()
    {
        _heartbeat.Dispose();
        foreach (var user in _users.Values)
        {
            lock (user.Gate)
            {
                foreach (var client in user.Clients)
                {
                    client.Close();
                }
            }
        }
    }

    private void Heartbeat()
    {
        Trim();
        foreach (var user in _users.Values)
        {
            lock (user.Gate)
            {
                if (user.Clients.Count > 0)
                {
                    Deliver(user, StreamFrames.Heartbeat);
                }
            }
        }
    }

    /// <summary>The user's live entry with its lock held (an entry being forgotten is replaced by a fresh one).</summary>
    private UserStreams Enter(long userId)
    {
        while (true)
        {
            var user = _users.GetOrAdd(userId, static (id, hub) => new UserStreams(id, Interlocked.Read(ref hub._forgottenUpTo)), this);
            user.Gate.Enter();
            if (!user.Forgotten)
            {
                return user;
            }

            user.Gate.Exit();
        }
    }

    /// <summary>Caller holds the user's lock.</summary>
    private void DropOldest(UserStreams user)
    {
        var dropped = user.Ring.Dequeue();
        user.EvictedUpTo = dropped.Id;
        Interlocked.Add(ref _heldBytes, -dropped.Bytes);
        Interlocked.Decrement(ref _heldFrames);
    }

    /// <summary>Caller holds the user's lock. A user with no stream and nothing to replay leaves the map.</summary>
    private void ForgetIfIdle(UserStreams user)
    {
        if (user.Forgotten || user.Clients.Count > 0 || user.Ring.Count > 0)
        {
            return;
        }

        user.Forgotten = true;
        long seen;
        while ((seen = Interlocked.Read(ref _forgottenUpTo)) < user.EvictedUpTo
               && Interlocked.CompareExchange(ref _forgottenUpTo, user.EvictedUpTo, seen) != seen)
        {
        }

        _users.TryRemove(new KeyValuePair<long, UserStreams>(user.UserId, user));
    }

    private int OrderCount()
    {
        lock (_orderGate)
        {
            return _order.Count;
        }
    }

    /// <summary>Caller holds the user's lock. A client whose queue is full is dropped rather than waited for.</summary>
    private void Deliver(UserStreams user, ReadOnlyMemory<byte> frame)
    {
        for (var i = user.Clients.Count - 1; i >= 0; i--)
        {
            var client = user.Clients[i];
            if (!client.TryEnqueue(frame))
            {
                user.Clients.RemoveAt(i);
                Interlocked.Decrement(ref _clients);
                Interlocked.Increment(ref _dropped);
                client.Close();
                Log.StreamClientDropped(_logger, client.UserId, _options.StreamClientQueue);
            }
        }
    }

    private readonly record struct RingFrame(long Id, ReadOnlyMemory<byte> Frame, int Bytes);

    private readonly record struct Held(UserStreams User, long Id, DateTimeOffset At);

    private sealed class UserStreams(long userId, long evictedUpTo)
    {
        public readonly Lock Gate = new();
        public readonly long UserId = userId;
        public readonly Queue<RingFrame> Ring = new();
        public readonly List<StreamClient> Clients = [];
        public long EvictedUpTo = evictedUpTo;
        public bool Forgotten;
    }
}

/// <summary>What the stream hub holds right now (counts and bytes) and what it has dropped since start.</summary>
internal sealed record StreamHubStats(
    int Users, int Clients, long ReplayFrames, long ReplayBytes, long ReplayBudgetBytes, int OrderEntries,
    long EvictedByAge, long EvictedByBudget, long EvictedPerUser);
