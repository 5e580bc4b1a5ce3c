using System.Diagnostics;
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
/// Owns the feed PULL socket (5556). Each message is read in place (zero-copy), authenticated, and
/// either handed to the engine as a tick through the bounded channel or — heartbeat, symbols,
/// disconnect — announced to the other modules. A bad message is counted and logged once per reason
/// and EA per minute; it never stops the loop.
/// </summary>
internal sealed partial class FeedIngestService(
    SignalsRuntime runtime,
    FeedAuthenticator authenticator,
    IOptions<ZmqOptions> zmq,
    BoundEndpoints endpoints,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<FeedIngestService> logger) : BackgroundService
{
    private readonly EaMessageReader _reader = new(runtime.Symbols, runtime.BrokerOffsets);
    private readonly List<(EaMessageType Type, byte[] Json)> _deferred = [];
    private readonly Dictionary<(IngestRejectReason, string), DateTimeOffset> _lastLogged = [];

    public ZmqSocket? Socket { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var socket = new ZmqSocket(ZmqSocketType.Pull, new ZmqSocketOptions
        {
            Name = "feed",
            MaxMessageBytes = zmq.Value.MaxMessageBytes,
            ReceiveHighWaterMark = 100_000,
        });
        var port = socket.Bind(zmq.Value.Endpoint(zmq.Value.FeedPort));
        Socket = socket;
        endpoints.Set("feed", port);
        Log.FeedBound(logger, port);
        ZmqMessageHandler<FeedIngestService> handler = static (message, self) => self.Handle(message);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await socket.WaitToReceiveAsync(stoppingToken))
                {
                    break;
                }

                while (socket.TryReceive(handler, this))
                {
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

        runtime.Ticks.Writer.TryComplete();
    }

    private void Handle(ZmqMessage message)
    {
        Interlocked.Increment(ref runtime.MessagesReceived);
        if (message.FrameCount != 1)
        {
            Reject(IngestRejectReason.MalformedJson, "a feed message is one frame of JSON");
            return;
        }

        var frame = message[0];
        var reason = _reader.Read(frame, Stopwatch.GetTimestamp());
        if (reason != IngestRejectReason.None)
        {
            Reject(reason, reason == IngestRejectReason.UnknownSymbol ? $"symbol '{_reader.LastUnknownSymbol}' is not configured" : null);
            return;
        }

        if (!_reader.HasCredentials || !authenticator.Check(_reader.EaId, _reader.EaToken))
        {
            Reject(IngestRejectReason.Unauthenticated, null);
            return;
        }

        if (_reader.Type == EaMessageType.Tick)
        {
            if (!authenticator.IsFeedSource(_reader.EaId))
            {
                Reject(IngestRejectReason.NotAFeedSource, null);
            }
            else if (!runtime.Ticks.Writer.TryWrite(_reader.Tick))
            {
                Reject(IngestRejectReason.QueueFull, null);
            }

            return;
        }

        _deferred.Add((_reader.Type, frame.ToArray()));
    }

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
            foreach (var (type, json) in _deferred)
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
                            Reject(heartbeat.Reason, heartbeat.Error);
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
                            Reject(symbols.Reason, symbols.Error);
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
                            Reject(bye.Reason, bye.Error);
                        }

                        break;
                    case EaMessageType.Bar:
                        // The server builds its own bars from ticks; reported bars are validated and counted only.
                        var bar = EaFeedDocuments.Bar(json);
                        if (bar.Value is null)
                        {
                            Reject(bar.Reason, bar.Error);
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

    private void Reject(IngestRejectReason reason, string? detail)
    {
        runtime.CountRejected(reason);
        var ea = _reader.EaId.IsEmpty ? "(no ea_id)" : _reader.EaId.ToString();
        var now = time.GetUtcNow();
        if (_lastLogged.Count > 10_000)
        {
            _lastLogged.Clear(); // bounded, whatever a hostile peer sends as ea_id
        }

        if (!_lastLogged.TryGetValue((reason, ea), out var last) || now - last > TimeSpan.FromMinutes(1))
        {
            _lastLogged[(reason, ea)] = now;
            Log.FeedMessageRejected(logger, IngestRejectReasons.Label(reason), ea, detail ?? string.Empty);
        }
    }
}
