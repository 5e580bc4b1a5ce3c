using System.Text;
using System.Text.Json;
using Bitten.Zmq;

namespace Bitten.Modules.Execution.Tests.Harness;

/// <summary>An EA made of our own managed DEALER (routing id = ea_id) and PUSH: for tests that need a connected terminal but not libzmq.</summary>
internal sealed class ManagedEa : IAsyncDisposable
{
    private ManagedEa(string eaId, string token, ZmqSocket dealer, ZmqSocket push)
    {
        EaId = eaId;
        Token = token;
        Dealer = dealer;
        Push = push;
    }

    public string EaId { get; }

    public string Token { get; }

    public ZmqSocket Dealer { get; }

    public ZmqSocket Push { get; }

    public static async Task<ManagedEa> ConnectAsync(ExecutionHost host, string eaId, string token, decimal equity = 10_000m)
    {
        var dealer = new ZmqSocket(ZmqSocketType.Dealer, new ZmqSocketOptions { RoutingId = Encoding.UTF8.GetBytes(eaId), Name = "test-ea" });
        dealer.Connect($"tcp://127.0.0.1:{await host.PortAsync("commands")}");
        var push = new ZmqSocket(ZmqSocketType.Push, new ZmqSocketOptions { Name = "test-ea-reports" });
        push.Connect($"tcp://127.0.0.1:{await host.PortAsync("reports")}");
        var ea = new ManagedEa(eaId, token, dealer, push);
        await ea.SendAsync(new { type = "hello", v = 1, ea_id = eaId, ea_token = token, account_login = "login-" + eaId, broker = "Broker", currency = "USD", balance = equity, equity, broker_utc_offset_s = 0 });
        return ea;
    }

    public async Task SendAsync(object message)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Dealer.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), cts.Token);
    }

    public async Task ReportAsync(object message)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Push.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), cts.Token);
    }

    /// <summary>The next message of the given type from the server (others are skipped).</summary>
    public async Task<JsonElement> ReceiveAsync(string type)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            using var message = await Dealer.ReceiveAsync(cts.Token);
            var json = JsonDocument.Parse(message.GetFrameMemory(message.FrameCount - 1)).RootElement.Clone();
            if (json.GetProperty("type").GetString() == type)
            {
                return json;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Dealer.DisposeAsync();
        await Push.DisposeAsync();
    }
}
