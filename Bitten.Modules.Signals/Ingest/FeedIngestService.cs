using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Threading.Channels;
using Bitten.Contracts.Hosting;
using Bitten.Modules.Signals.Engine;
using Bitten.Zmq;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Signals.Ingest;

/// <summary>
/// Owns the feed PULL socket (5556). Each message is read in place (zero-copy) on the socket's read loop
/// (<see cref="IZmqReceiver"/>: no queue, no thread hop, no task per message), authenticated, and either
/// written to the engine's tick queue — made visible to the engine once per burst read from the network — or,
/// for heartbeat, symbols and disconnect, queued to this service's loop, which announces them to the other
/// modules. A bad message is counted and logged once per reason and EA per minute; it never stops the loop.
/// </summary>
internal sealed partial class FeedIngestService(
    SignalsRuntime runtime,
    FeedAuthenticator authenticator,
    IOptions<ZmqOptions> zmq,
    BoundEndpoints endpoints,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<FeedIngestService> logger) : BackgroundService, IZmqReceiver
{
    /// <summary>How long a connection's last accepted ea_id/ea_token pair is trusted without asking <see cref="FeedAuthenticator"/> again.</summary>
    private static readonly TimeSpan ConnectionAuthFor = TimeSpan.FromSeconds(1);

    private readonly EaMessageReader _reader = new(runtime.Symbols, runtime.BrokerOffsets);
    private readonly Channel<(EaMessageType Type, byte[] Json, string EaId)> _deferredQueue =
        Channel.CreateBounded<(EaMessageType, byte[], string)>(new BoundedChannelOptions(10_000) { SingleReader = true, SingleWriter = true });
    private readonly List<(EaMessageType Type, byte[] Json, string EaId)> _deferred = [];
    private readonly Dictionary<(IngestRejectReason, string), DateTimeOffset> _lastLogged = [];
    private readonly Lock _logGate = new();
    private readonly TickQueue _ticks = runtime.TickQueue;
    private readonly long _connectionAuthTicks = (long)(ConnectionAuthFor.TotalSeconds * time.TimestampFrequency);

    // Receiver state: touched only inside the socket's serialised receiver calls.
    private long _burstReceived;
    private long _burstNow;
    private long _messages;
    private readonly char[] _authEaId = new char[64];
    private readonly char[] _authToken = new char[256];
    private int _authEaIdLength;
    private int _authTokenLength;
    private long _authConnection;
    private long _authUntil;
    private bool _authFeedSource;

    public ZmqSocket? Socket { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var socket = new ZmqSocket(ZmqSocketType.Pull, new ZmqSocketOptions
            {
                Name = "feed",
                MaxMessageBytes = zmq.Value.MaxMessageBytes,
                Receiver = this,
            });
            var port = socket.Bind(zmq.Value.Endpoint(zmq.Value.FeedPort));
            Socket = socket;
            endpoints.Set("feed", port);
            Log.FeedBound(logger, port);
            var deferred = _deferredQueue.Reader;
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (!await deferred.WaitToReadAsync(stoppingToken))
                    {
                        break;
                    }

                    while (_deferred.Count < 1_000 && deferred.TryRead(out var item))
                    {
                        _deferred.Add(item);
                    }

                    await PublishDeferredAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    Log.IngestLoopFailed(logger, ex);
                }
            }
        }
        finally
        {
            _ticks.Complete();
        }
    }

    /// <summary>On the socket's read loop, one message at a time (never two at once).</summary>
    void IZmqReceiver.OnMessage(ZmqMessage message)
    {
        try
        {
            Handle(message);
        }
        catch (Exception ex)
        {
            // never lets a message end the connection's read loop
            Log.IngestLoopFailed(logger, ex);
        }
    }

    /// <summary>The end of a burst: its ticks become visible to the engine (one fence, one wake at most).</summary>
    void IZmqReceiver.OnBatchEnd()
    {
        _ticks.Publish();
        Volatile.Write(ref runtime.MessagesReceived, _messages);
        _burstReceived = 0;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // hot path: see docs/signals-live-path.md (tiering)
    private void Handle(ZmqMessage message)
    {
        _messages++;
        if (_burstReceived == 0)
        {
            // one clock read per burst: its messages were all received by the same read from the network
            _burstReceived = Stopwatch.GetTimestamp();
            _burstNow = time.GetTimestamp();
        }

        if (message.FrameCount != 1)
        {
            Reject(IngestRejectReason.MalformedJson, "a feed message is one frame of JSON");
            return;
        }

        var frame = message[0];
        var reason = _reader.Read(frame, _burstReceived);
        if (reason != IngestRejectReason.None)
        {
            Reject(reason, reason == IngestRejectReason.UnknownSymbol ? $"symbol '{_reader.LastUnknownSymbol}' is not configured" : null);
            return;
        }

        if (!_reader.HasCredentials)
        {
            Reject(IngestRejectReason.Unauthenticated, null);
            return;
        }

        // The connection's last accepted pair, compared in constant time, spares the shared cache (a clock read and
        // two hash lookups) for every message of a feed; any other pair, or after a second, asks the authenticator.
        var sameAsLast = message.ConnectionId == _authConnection && _burstNow < _authUntil &&
                         FixedTimeEquals(_reader.EaId, _authEaId.AsSpan(0, _authEaIdLength)) &&
                         FixedTimeEquals(_reader.EaToken, _authToken.AsSpan(0, _authTokenLength));
        bool feedSource;
        if (sameAsLast)
        {
            feedSource = _authFeedSource;
        }
        else if (!authenticator.Check(_reader.EaId, _reader.EaToken))
        {
            Reject(IngestRejectReason.Unauthenticated, null);
            return;
        }
        else
        {
            feedSource = authenticator.IsFeedSource(_reader.EaId);
            RememberAuth(message.ConnectionId, feedSource);
        }

        if (_reader.Type == EaMessageType.Tick)
        {
            if (!feedSource)
            {
                Reject(IngestRejectReason.NotAFeedSource, null);
            }
            else if (!_ticks.TryWrite(_reader.Tick))
            {
                Reject(IngestRejectReason.QueueFull, null);
            }

            return;
        }

        if (!_deferredQueue.Writer.TryWrite((_reader.Type, frame.ToArray(), _reader.EaId.ToString())))
        {
            Reject(IngestRejectReason.QueueFull, "the queue of heartbeat, symbols and disconnect messages is full");
        }
    }

    private void RememberAuth(long connectionId, bool feedSource)
    {
        _reader.EaId.CopyTo(_authEaId);
        _authEaIdLength = _reader.EaId.Length;
        _reader.EaToken.CopyTo(_authToken);
        _authTokenLength = _reader.EaToken.Length;
        _authConnection = connectionId;
        _authFeedSource = feedSource;
        _authUntil = _burstNow + _connectionAuthTicks;
    }

    private static bool FixedTimeEquals(ReadOnlySpan<char> a, ReadOnlySpan<char> b) =>
        a.Length == b.Length && CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(a), MemoryMarshal.AsBytes(b));

    private async Task PublishDeferredAsync(CancellationToken cancellationToken)
    {
        if (_deferred.Count == 0)
        {
            return;
        }

        // cleared whatever happens: a message that fails here must not be handled again with every later batch
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            foreach (var (type, json, ea) in _deferred)
            {
                var now = time.GetUtcNow();
                switch (type)
                {
                    case EaMessageType.Heartbeat:
                        var heartbeat = EaFeedDocuments.Heartbeat(json, now);
                        if (heartbeat.Value is { } hb)
                        {
                            if (hb.BrokerUtcOffsetSeconds is { } offset)
                            {
                                runtime.BrokerOffsets.Set(hb.EaId, offset);
                            }

                            await mediator.Publish(hb, cancellationToken);
                        }
                        else
                        {
                            Reject(heartbeat.Reason, heartbeat.Error, ea);
                        }

                        break;
                    case EaMessageType.Symbols:
                        var symbols = EaFeedDocuments.Symbols(json, now);
                        if (symbols.Value is { } specs)
                        {
                            await mediator.Publish(specs, cancellationToken);
                        }
                        else
                        {
                            Reject(symbols.Reason, symbols.Error, ea);
                        }

                        break;
                    case EaMessageType.Disconnect:
                        var bye = EaFeedDocuments.Disconnect(json, now);
                        if (bye.Value is { } disconnected)
                        {
                            await mediator.Publish(disconnected, cancellationToken);
                        }
                        else
                        {
                            Reject(bye.Reason, bye.Error, ea);
                        }

                        break;
                    case EaMessageType.Bar:
                        // The server builds its own bars from ticks; reported bars are validated and counted only.
                        var bar = EaFeedDocuments.Bar(json);
                        if (bar.Value is null)
                        {
                            Reject(bar.Reason, bar.Error, ea);
                        }

                        break;
                }
            }
        }
        finally
        {
            _deferred.Clear();
        }
    }

    /// <summary>Counts and logs a rejection of the message the receiver is reading.</summary>
    private void Reject(IngestRejectReason reason, string? detail) => Reject(reason, detail, _reader.EaId.IsEmpty ? "(no ea_id)" : _reader.EaId.ToString());

    private void Reject(IngestRejectReason reason, string? detail, string ea)
    {
        runtime.CountRejected(reason);
        var now = time.GetUtcNow();
        lock (_logGate) // the receiver and the announcing loop both reject
        {
            if (_lastLogged.Count > 10_000)
            {
                _lastLogged.Clear(); // bounded, whatever a hostile peer sends as ea_id
            }

            if (_lastLogged.TryGetValue((reason, ea), out var last) && now - last <= TimeSpan.FromMinutes(1))
            {
                return;
            }

            _lastLogged[(reason, ea)] = now;
        }

        Log.FeedMessageRejected(logger, IngestRejectReasons.Label(reason), ea, detail ?? string.Empty);
    }
}
