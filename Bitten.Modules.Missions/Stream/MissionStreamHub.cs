using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Missions.Stream;

/// <summary>
/// Fans mission events out to every open stream of their user. Per user: a bounded ring of recent frames
/// (for <c>Last-Event-ID</c> resumption) and the open connections. Event ids increase monotonically across
/// all users and, being seeded from the clock at start, across restarts. One timer sends heartbeats to all
/// connections through the same queues, so each connection has exactly one writer and no thread of its own.
/// </summary>
internal sealed class MissionStreamHub : IDisposable
{
    private readonly ConcurrentDictionary<long, UserStreams> _users = new();
    private readonly MissionsOptions _options;
    private readonly ILogger<MissionStreamHub> _logger;
    private readonly ITimer _heartbeat;
    private readonly long _firstId;
    private long _lastId;
    private int _clients;
    private long _dropped;

    public MissionStreamHub(IOptions<MissionsOptions> options, TimeProvider time, ILogger<MissionStreamHub> logger)
    {
        _options = options.Value;
        _logger = logger;
        _firstId = time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000;
        _lastId = _firstId;
        var every = TimeSpan.FromSeconds(_options.StreamHeartbeatSeconds);
        _heartbeat = time.CreateTimer(_ => Heartbeat(), null, every, every);
    }

    public int ClientCount => Volatile.Read(ref _clients);

    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <summary>Opens a stream for the user, first queueing what was missed after <paramref name="lastEventId"/>.</summary>
    public (StreamClient? Client, SubscribeRefusal Refusal) Subscribe(long userId, long? lastEventId)
    {
        if (Interlocked.Increment(ref _clients) > _options.MaxStreamClients)
        {
            Interlocked.Decrement(ref _clients);
            return (null, SubscribeRefusal.ServerFull);
        }

        var user = _users.GetOrAdd(userId, _ => new UserStreams());
        lock (user.Gate)
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

                foreach (var (id, frame) in user.Ring)
                {
                    if (id > last)
                    {
                        client.TryEnqueue(frame);
                    }
                }
            }

            // Registered under the same lock as the replay: no event is missed or sent twice in between.
            user.Clients.Add(client);
            return (client, SubscribeRefusal.None);
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
            }
        }

        client.Close();
    }

    /// <summary>Records an event for the user and queues it on each of their open streams; returns its id.</summary>
    public long Publish(long userId, string eventName, object payload)
    {
        var user = _users.GetOrAdd(userId, _ => new UserStreams());
        lock (user.Gate)
        {
            var id = Interlocked.Increment(ref _lastId);
            var frame = StreamFrames.Event(id, eventName, payload);
            user.Ring.Enqueue((id, frame));
            while (user.Ring.Count > _options.StreamReplayPerUser)
            {
                user.EvictedUpTo = user.Ring.Dequeue().Id;
            }

            Deliver(user, frame);
            return id;
        }
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

    private sealed class UserStreams
    {
        public readonly Lock Gate = new();
        public readonly Queue<(long Id, ReadOnlyMemory<byte> Frame)> Ring = new();
        public readonly List<StreamClient> Clients = [];
        public long EvictedUpTo;
    }
}
