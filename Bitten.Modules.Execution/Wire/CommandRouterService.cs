using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Bitten.Contracts.Hosting;
using Bitten.Modules.Execution.Fires;
using Bitten.Modules.Execution.Persistence;
using Bitten.Modules.Execution.Registry;
using Bitten.Zmq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Execution.Wire;

/// <summary>
/// Owns the command ROUTER (5555). One task receives (hello, heartbeat); one owner loop is the only
/// sender: hello_acks, the outbox (fires to the user's own EA only, by routing id = ea_id), close and
/// close_all, pings, and the confirmation deadline (SENT → UNCONFIRMED).
/// </summary>
internal sealed partial class CommandRouterService(
    EaRegistry registry,
    EaAuthenticator authenticator,
    HeartbeatProcessor heartbeats,
    FireLifecycle lifecycle,
    RouterQueue queue,
    PingTracker pings,
    ExecutionMetrics metrics,
    IServiceScopeFactory scopes,
    IOptions<ExecutionOptions> options,
    IOptions<ZmqOptions> zmq,
    BoundEndpoints endpoints,
    TimeProvider time,
    ILogger<CommandRouterService> logger) : BackgroundService
{
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(30);
    private readonly Lock _peerEventGate = new();

    /// <summary>Routing id → the connection that owns it now (from peer events, applied before each message is handled).</summary>
    private readonly Dictionary<string, long> _routeOwners = new(StringComparer.Ordinal);
    private Task<bool>? _messageWait;
    private Task<bool>? _peerEventWait;
    private DateTimeOffset _lastPing = DateTimeOffset.MinValue;
    private bool _outboxWoken;
    private long _listeningSinceMs;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var socket = new ZmqSocket(ZmqSocketType.Router, new ZmqSocketOptions { Name = "commands", MaxMessageBytes = zmq.Value.MaxMessageBytes, PeerEvents = true });
        var port = socket.Bind(zmq.Value.Endpoint(zmq.Value.CommandPort));
        endpoints.Set("commands", port);
        _listeningSinceMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        Log.CommandsBound(logger, port);
        if (options.Value.HoldOutbox)
        {
            Log.OutboxHeld(logger);
        }

        await registry.EnsureLoadedAsync(stoppingToken);
        var receiving = Task.Run(() => ReceiveLoopAsync(socket, stoppingToken), stoppingToken);
        await OwnerLoopAsync(socket, stoppingToken);
        try
        {
            await receiving;
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// The only sender. A fire handed over at its commit is sent as soon as the loop wakes for it — no poll, batch window or
    /// query stands between the wake-up and the send. The outbox drain, the confirmation deadlines and pings run after
    /// the sends, every <see cref="ExecutionOptions.PollInterval"/> or at once when something asks for a drain (an EA's
    /// hello, a fire the fast path could not send).
    /// </summary>
    private async Task OwnerLoopAsync(ZmqSocket socket, CancellationToken stoppingToken)
    {
        // The cadence is real (monotonic) time, as the CancelAfter wait always was; the deadlines themselves use the TimeProvider.
        var nextSweep = Stopwatch.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var untilSweep = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), nextSweep);
                if (!_outboxWoken && _ready.Count == 0 && untilSweep > TimeSpan.Zero)
                {
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    wait.CancelAfter(untilSweep);
                    try
                    {
                        await queue.Reader.WaitToReadAsync(wait.Token);
                    }
                    catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                    {
                    }
                }

                ApplyPeerEvents(socket);
                SendQueued(socket);
                await SendReadyAsync(socket, stoppingToken);
                if (_outboxWoken || Stopwatch.GetTimestamp() >= nextSweep)
                {
                    _outboxWoken = false;
                    nextSweep = Stopwatch.GetTimestamp() + (long)(options.Value.PollInterval.TotalSeconds * Stopwatch.Frequency);
                    await DrainOutboxAsync(socket, stoppingToken);
                    await ExpireConfirmationsAsync(stoppingToken);
                    PingAll(socket);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Log.RouterLoopFailed(logger, ex);
            }
        }
    }

    /// <summary>Sends every queued command and ack, in order.</summary>
    private void SendQueued(ZmqSocket socket)
    {
        while (queue.Reader.TryRead(out var work))
        {
            if (work.Fire is { } fire)
            {
                _ready.Add(fire); // sent by this pass's fast path (or the next pass's, when handed over during a send)
                continue;
            }

            if (work.Payload is null)
            {
                _outboxWoken = true; // an outbox wake-up; the owner loop drains (again) after the queue
                continue;
            }

            if (work.Broadcast)
            {
                foreach (var ea in registry.Snapshot().Where(s => s.Session && s.RouteVerified))
                {
                    Send(socket, ea.EaId, work.Payload);
                }
            }
            else if (work.EaId is not null)
            {
                Send(socket, work.EaId, work.Payload);
            }
        }
    }

    private ZmqSendResult Send(ZmqSocket socket, string eaId, byte[] payload)
    {
        var result = socket.TrySend(Encoding.UTF8.GetBytes(eaId), payload);
        if (result == ZmqSendResult.UnknownRoutingId && registry.Find(eaId) is { Session: true })
        {
            registry.EndSession(eaId);
            Log.EaSessionLost(logger, eaId);
        }

        return result;
    }

    private async Task ExpireConfirmationsAsync(CancellationToken ct)
    {
        var cutoff = (time.GetUtcNow() - options.Value.ConfirmTimeout).ToUnixTimeMilliseconds();
        List<string> late;
        await using (var scope = scopes.CreateAsyncScope())
        {
            late = await scope.ServiceProvider.GetRequiredService<ExecutionDbContext>().Fires.AsNoTracking()
                .Where(f => f.Status == FireStatus.Sent && f.SentAtMs < cutoff).Select(f => f.FireId).ToListAsync(ct);
        }

        foreach (var fireId in late)
        {
            await lifecycle.FailAsync(fireId, [FireStatus.Sent], FireStatus.Unconfirmed,
                $"no confirmation within {options.Value.ConfirmTimeout.TotalSeconds:0.#} s; reconciling from the terminal's next heartbeat", null, ct);
        }
    }

    private void PingAll(ZmqSocket socket)
    {
        var now = time.GetUtcNow();
        if (now - _lastPing < PingInterval)
        {
            return;
        }

        _lastPing = now;
        foreach (var ea in registry.Snapshot().Where(s => s.Session && s.RouteVerified))
        {
            Send(socket, ea.EaId, EaCommands.Ping(pings.Start(ea.EaId)));
        }
    }

    private async Task ReceiveLoopAsync(ZmqSocket socket, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var message = await ReceiveAfterPeerEventsAsync(socket, stoppingToken);
                if (message.FrameCount != 2)
                {
                    metrics.Rejected("malformed");
                    continue;
                }

                var routingId = Encoding.UTF8.GetString(message[0]);
                if (!IsFromRouteOwner(routingId, message.ConnectionId))
                {
                    // Sent on a connection that another connection with the same routing id has since replaced: nothing can be
                    // answered on it (replies go to the newer connection), and a hello on it must not verify the newer one's route.
                    Drop("replaced_connection", routingId, "message from a connection whose routing id another connection took over");
                    continue;
                }

                await HandleAsync(routingId, message.GetFrameMemory(1), message.ConnectionId, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Log.RouterLoopFailed(logger, ex);
            }
        }
    }

    /// <summary>
    /// The next message, with every peer event before it applied first: a connection's "connected" event is written before
    /// any of its messages, so a hello is always handled after the route claim it follows (never the other way round).
    /// </summary>
    private async Task<ZmqMessage> ReceiveAfterPeerEventsAsync(ZmqSocket socket, CancellationToken ct)
    {
        while (true)
        {
            lock (_peerEventGate)
            {
                ApplyPeerEventsLocked(socket);
                if (socket.TryReceive(out var message))
                {
                    return message;
                }
            }

            // One outstanding wait per source, kept across calls (a new one per message would pile up waiters).
            _messageWait ??= socket.WaitToReceiveAsync(ct).AsTask();
            _peerEventWait ??= socket.PeerEvents.WaitToReadAsync(ct).AsTask();
            var done = await Task.WhenAny(_messageWait, _peerEventWait);
            await done; // surfaces cancellation
            if (done == _messageWait)
            {
                _messageWait = null;
            }
            else
            {
                _peerEventWait = null;
            }
        }
    }

    /// <summary>Applies pending peer events (the owner loop calls this before sending, so a silent new connection is caught too).</summary>
    private void ApplyPeerEvents(ZmqSocket socket)
    {
        lock (_peerEventGate)
        {
            ApplyPeerEventsLocked(socket);
        }
    }

    private void ApplyPeerEventsLocked(ZmqSocket socket)
    {
        while (socket.PeerEvents.TryRead(out var e))
        {
            if (e.RoutingId.IsEmpty)
            {
                continue;
            }

            var eaId = Encoding.UTF8.GetString(e.RoutingId.Span);
            if (e.Kind == ZmqPeerEventKind.Disconnected)
            {
                if (_routeOwners.TryGetValue(eaId, out var owner) && owner == e.ConnectionId)
                {
                    _routeOwners.Remove(eaId);
                }

                // The EA's connection is gone and no newer one holds its id: its fires are refused at once ("terminal offline")
                // instead of being accepted and failing at the send, until it reconnects and says hello.
                if (!socket.HasRoute(e.RoutingId.Span) && registry.Find(eaId) is { Session: true })
                {
                    registry.EndSession(eaId);
                    Log.EaSessionLost(logger, eaId);
                }

                continue;
            }

            if (e.Kind != ZmqPeerEventKind.Connected)
            {
                continue;
            }

            _routeOwners[eaId] = e.ConnectionId;

            if (registry.Find(eaId) is { Session: true, RouteVerified: true })
            {
                registry.RouteClaimed(eaId);
                metrics.Rejected("route_claimed");
                Log.EaRouteClaimed(logger, eaId);
            }
        }
    }

    private async Task HandleAsync(string routingId, ReadOnlyMemory<byte> json, long connectionId, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            Drop("malformed_json", routingId, "not JSON");
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Drop("malformed_json", routingId, "not a JSON object");
                return;
            }

            var type = root.Type();
            var eaId = root.Str("ea_id");
            if (eaId != routingId)
            {
                if (type == "hello")
                {
                    queue.Send(routingId, EaCommands.HelloRefused("ea_id must equal the socket's routing id"));
                }

                EndSession(routingId);

                Drop("identity_mismatch", routingId, "ea_id differs from the routing id");
                return;
            }

            var credentials = await authenticator.CheckAsync(eaId, root.Str("ea_token"), ct);
            switch (type)
            {
                case "hello":
                    if (!credentials.Valid)
                    {
                        EndSession(routingId);
                        queue.Send(routingId, EaCommands.HelloRefused("invalid ea_id or ea_token"));
                        Log.EaHelloRefused(logger, routingId, "invalid credentials");
                        metrics.Rejected("unauthenticated");
                        return;
                    }

                    var hello = EaDocuments.Hello(root);
                    // The ack is queued before the session is visible to the outbox: an EA always hears hello_ack before a fire.
                    var refusal = await registry.HelloAsync(routingId, credentials.Owner!.Value.Value, credentials.IsDefault, hello, ct,
                        () => queue.Send(routingId, EaCommands.HelloAck(time.GetUtcNow().ToUnixTimeMilliseconds())));
                    if (refusal is not null)
                    {
                        queue.Send(routingId, EaCommands.HelloRefused(refusal));
                        Log.EaHelloRefused(logger, routingId, refusal);
                        metrics.Rejected("duplicate_ea");
                        return;
                    }

                    if (!IsFromRouteOwner(routingId, connectionId))
                    {
                        registry.RouteClaimed(routingId); // another connection took the id while this hello was checked
                    }

                    queue.WakeOutbox();
                    Log.EaHello(logger, routingId, credentials.Owner.Value.Value, hello.AccountLogin);
                    return;
                case "heartbeat":
                    if (!credentials.Valid)
                    {
                        EndSession(routingId);
                        Drop("unauthenticated", routingId, null);
                        return;
                    }

                    if (registry.Find(routingId) is not { Session: true })
                    {
                        Drop("no_hello", routingId, "heartbeat before hello");
                        return;
                    }

                    if (EaDocuments.Heartbeat(root, routingId, time.GetUtcNow()) is { } heartbeat)
                    {
                        await heartbeats.ApplyAsync(heartbeat, ct);
                    }
                    else
                    {
                        Drop("missing_field", routingId, "heartbeat needs balance and equity");
                    }

                    return;
                case "pong":
                    if (credentials.Valid && !pings.Answer(routingId, root.Str("ping_id")))
                    {
                        metrics.Rejected("unknown_ping");
                    }

                    return;
                default:
                    Drop("unknown_type", routingId, type);
                    return;
            }
        }
    }

    /// <summary>True when the message came on the connection that owns its routing id now (or its connection is unknown).</summary>
    private bool IsFromRouteOwner(string routingId, long connectionId)
    {
        lock (_peerEventGate)
        {
            return connectionId == 0 || !_routeOwners.TryGetValue(routingId, out var owner) || owner == connectionId;
        }
    }

    /// <summary>
    /// A connection that holds this routing id failed authentication. Bitten.Zmq gives the route to the newest
    /// connection with that id, so it may have displaced the real EA: nothing is sent on the route until a valid hello.
    /// </summary>
    private void EndSession(string routingId)
    {
        if (registry.Find(routingId) is { Session: true })
        {
            registry.EndSession(routingId);
            Log.EaSessionLost(logger, routingId);
        }
    }

    private void Drop(string reason, string eaId, string? detail)
    {
        metrics.Rejected(reason);
        Log.EaMessageDropped(logger, reason, eaId, detail);
    }
}
