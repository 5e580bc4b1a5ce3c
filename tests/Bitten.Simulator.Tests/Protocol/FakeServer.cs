using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Bitten.Contracts.Hosting;
using Bitten.Zmq;

namespace Bitten.Simulator.Tests.Protocol;

/// <summary>
/// Plays the BITTEN host with our own sockets: ROUTER (commands), PULL (feed), PULL (reports), each bound
/// on a free port and published in <see cref="Endpoints"/> as the host does. Collects what the EA sends.
/// </summary>
internal sealed class FakeServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private CancellationTokenSource _routerStop;
    private Task _routerLoop;

    public FakeServer()
    {
        Router = new ZmqSocket(ZmqSocketType.Router, new ZmqSocketOptions { Name = "test-commands" });
        Feed = new ZmqSocket(ZmqSocketType.Pull, new ZmqSocketOptions { Name = "test-feed", ReceiveHighWaterMark = 100_000 });
        Reports = new ZmqSocket(ZmqSocketType.Pull, new ZmqSocketOptions { Name = "test-reports" });
        Endpoints.Set("commands", Router.Bind("tcp://127.0.0.1:0"));
        Endpoints.Set("feed", Feed.Bind("tcp://127.0.0.1:0"));
        Endpoints.Set("reports", Reports.Bind("tcp://127.0.0.1:0"));
        _routerStop = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        _routerLoop = CollectAsync(Router, CommandMessages, routed: true, _routerStop.Token);
        _loops.Add(CollectAsync(Feed, FeedMessages, routed: false, _stop.Token));
        _loops.Add(CollectAsync(Reports, ReportMessages, routed: false, _stop.Token));
    }

    public BoundEndpoints Endpoints { get; } = new();

    public ZmqSocket Router { get; private set; }

    public ZmqSocket Feed { get; }

    public ZmqSocket Reports { get; }

    /// <summary>Messages from the DEALER with the routing id they came from.</summary>
    public ConcurrentQueue<(string RoutingId, JsonElement Json)> CommandMessages { get; } = new();

    /// <summary>Feed messages other than ticks, plus the last tick per symbol in <see cref="LastTicks"/>.</summary>
    public ConcurrentQueue<(string RoutingId, JsonElement Json)> FeedMessages { get; } = new();

    public ConcurrentQueue<(string RoutingId, JsonElement Json)> ReportMessages { get; } = new();

    public ConcurrentDictionary<string, JsonElement> LastTicks { get; } = new();

    public long TickCount => Interlocked.Read(ref _ticks);

    private long _ticks;

    /// <summary>Closes the ROUTER (every EA connection drops), forgets what it received, and binds a new one on the same port.</summary>
    public async Task RestartRouterAsync(int port)
    {
        var old = Router;
        var oldLoop = _routerLoop;
        _routerStop.Cancel();
        await old.DisposeAsync();
        await oldLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        CommandMessages.Clear();
        _routerStop = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        Router = new ZmqSocket(ZmqSocketType.Router, new ZmqSocketOptions { Name = "test-commands" });
        Router.Bind($"tcp://127.0.0.1:{port}");
        _routerLoop = CollectAsync(Router, CommandMessages, routed: true, _routerStop.Token);
    }

    public void SendToEa(string eaId, string json) =>
        Router.TrySend(Encoding.UTF8.GetBytes(eaId), Encoding.UTF8.GetBytes(json)).ShouldBe(ZmqSendResult.Sent);

    public static async Task<JsonElement> WaitForAsync(ConcurrentQueue<(string RoutingId, JsonElement Json)> queue, Func<JsonElement, bool> match, string because)
    {
        JsonElement found = default;
        await Wait.UntilAsync(() =>
        {
            foreach (var (_, json) in queue)
            {
                if (match(json))
                {
                    found = json;
                    return true;
                }
            }

            return false;
        }, TimeSpan.FromSeconds(20), because);
        return found;
    }

    public static Func<JsonElement, bool> OfType(string type, Func<JsonElement, bool>? and = null) =>
        j => j.GetProperty("type").GetString() == type && (and is null || and(j));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll([.. _loops, _routerLoop]).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _routerStop.Dispose();
        await Router.DisposeAsync();
        await Feed.DisposeAsync();
        await Reports.DisposeAsync();
        _stop.Dispose();
    }

    private async Task CollectAsync(ZmqSocket socket, ConcurrentQueue<(string, JsonElement)> into, bool routed, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            using var message = await socket.ReceiveAsync(ct);
            var routingId = routed ? message.GetString(0) : string.Empty;
            var json = JsonDocument.Parse(message.GetFrameMemory(message.FrameCount - 1)).RootElement.Clone();
            if (json.GetProperty("type").GetString() == "tick")
            {
                Interlocked.Increment(ref _ticks);
                LastTicks[json.GetProperty("symbol").GetString()!] = json;
                continue;
            }

            into.Enqueue((routingId, json));
        }
    }
}
