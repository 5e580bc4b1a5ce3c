using System.Text;
using Bitten.Contracts.Execution;
using Bitten.Modules.Execution.Tests.Harness;
using Bitten.Zmq;

namespace Bitten.Modules.Execution.Tests.Registry;

/// <summary>
/// The ROUTER gives a routing id to the newest connection that claims it. A connection that takes over a live EA's
/// routing id and stays silent must not receive that EA's fires: the route is unverified until a valid hello on it.
/// </summary>
public sealed class RouteClaimTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly TemporaryDirectory _directory = new("execution-route-claim");
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 1, 6, 12, 0, 0, TimeSpan.Zero)); // a Tuesday
    private ExecutionHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ExecutionHost.StartAsync(_directory.Path, _time);
        _host.World.AddUser(1, maxOpenFires: 5);
        _host.World.Quote("EURUSD", 1.09998m, 1.10000m);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task SilentConnection_OnALiveEasRoutingId_GetsNoFireUntilTheRealEaSaysHelloAgain()
    {
        var real = await _host.LinkEaAsync("ea-one", 1);
        (await _host.SendAsync(ExecutionHost.Mission(1, _time.GetUtcNow()))).Accepted.ShouldBeTrue();
        await real.ReceiveAsync("fire");

        // An impostor connects with the EA's routing id (no credentials needed for that) and says nothing.
        await using var impostor = new ZmqSocket(ZmqSocketType.Dealer, new ZmqSocketOptions { RoutingId = Encoding.UTF8.GetBytes("ea-one"), Name = "impostor" });
        impostor.Connect($"tcp://127.0.0.1:{await _host.PortAsync("commands")}");
        await Wait.UntilAsync(() => _host.Registry.Find("ea-one") is { RouteVerified: false }, Timeout, "the route claim was noticed");

        var refused = await _host.SendAsync(ExecutionHost.Mission(1, _time.GetUtcNow()));
        refused.Refusal.ShouldBe(FireRefusal.TerminalOffline);
        impostor.TryReceive(out var stolen).ShouldBeFalse("the impostor received nothing");
        stolen?.Dispose();

        // The real terminal restarts and says hello on its new connection: the route is its own again.
        await impostor.DisposeAsync();
        await real.DisposeAsync();
        await using var back = await ManagedEa.ConnectAsync(_host, "ea-one", real.Token);
        (await back.ReceiveAsync("hello_ack")).GetProperty("ok").GetBoolean().ShouldBeTrue();
        await Wait.UntilAsync(() => _host.Registry.Find("ea-one") is { RouteVerified: true, Session: true }, Timeout, "the route is verified again");
        (await _host.SendAsync(ExecutionHost.Mission(1, _time.GetUtcNow()))).Accepted.ShouldBeTrue();
        (await back.ReceiveAsync("fire")).GetProperty("symbol").GetString().ShouldBe("EURUSD");
    }
}
