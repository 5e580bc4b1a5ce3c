using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Signals;
using Bitten.Modules.Execution.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Execution.Tests.Registry;

public sealed class EaRegistryTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new("execution-registry");
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 1, 6, 12, 0, 0, TimeSpan.Zero));
    private ExecutionHost _host = null!;

    public async Task InitializeAsync() => _host = await ExecutionHost.StartAsync(_directory.Path, _time);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Hello_WhenAnotherTerminalHoldsTheSameEaId_IsRefusedWhileTheFirstIsLive()
    {
        _host.World.AddUser(1);
        await using var first = await _host.LinkEaAsync("ea-one", 1);

        var refusal = await _host.Registry.HelloAsync("ea-one", 1, true, new Execution.Registry.EaHello("another-login", "Broker", "USD", 1m, 1m, 0), CancellationToken.None);

        refusal.ShouldNotBeNull().ShouldContain("already connected");
        _time.Advance(TimeSpan.FromSeconds(31));
        (await _host.Registry.HelloAsync("ea-one", 1, true, new Execution.Registry.EaHello("another-login", "Broker", "USD", 1m, 1m, 0), CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Hello_WithAStolenEaIdAndAWrongToken_StopsFiresUntilTheRealEaSaysHelloAgain()
    {
        _host.World.AddUser(1);
        _host.World.Quote("EURUSD", 1.09998m, 1.10000m);
        await using var real = await _host.LinkEaAsync("ea-one", 1);

        await using var impostor = await ManagedEa.ConnectAsync(_host, "ea-one", "guessed");
        (await impostor.ReceiveAsync("hello_ack")).GetProperty("ok").GetBoolean().ShouldBeFalse();

        (await _host.SendAsync(ExecutionHost.Mission(1, _time.GetUtcNow()))).Refusal.ShouldBe(Contracts.Execution.FireRefusal.TerminalOffline);
    }

    [Fact]
    public async Task Report_BeforeAValidHello_IsDroppedAndCounted()
    {
        _host.World.Eas["ea-quiet"] = ("token", 1, true);
        await using var ea = await ManagedEa.ConnectAsync(_host, "ea-other", "nope");

        await ea.ReportAsync(new { type = "confirmation", ea_id = "ea-quiet", ea_token = "token", fire_id = "X", status = "filled", position = 1 });
        await ea.ReportAsync(new { type = "confirmation", ea_id = "ea-quiet", ea_token = "bad", fire_id = "X", status = "filled", position = 1 });

        var metrics = _host.Services.GetRequiredService<ExecutionMetrics>();
        await Wait.UntilAsync(() => metrics.Rejections.GetValueOrDefault("no_hello") == 1 && metrics.Rejections.GetValueOrDefault("unauthenticated") >= 2, TimeSpan.FromSeconds(30), "both reports were dropped");
    }

    [Fact]
    public async Task FeedHeartbeat_ForAKnownEa_UpdatesAccountAndKeepsStartOfDayEquity()
    {
        _host.World.AddUser(1);
        await using var ea = await _host.LinkEaAsync("ea-one", 1, equity: 10_000m);

        await _host.PublishAsync(new EaHeartbeatReceived("ea-one", "USD", 10_000m, 9_900m, 100m, 9_800m, null, 7200,
            [new EaPosition(42, null, "GBPUSD", Side.Sell, 1m, 1.3m, null, null, -100m, 0)], 0, _time.GetUtcNow()));

        var account = (await _host.SendAsync(new GetUserAccount(new UserId(1)))).ShouldNotBeNull();
        account.Equity.ShouldBe(9_900m);
        account.StartOfDayEquity.ShouldBe(10_000m);
        _host.Registry.Find("ea-one")!.Positions.ShouldHaveSingleItem().FireId.ShouldBeNull();
        (await _host.SendAsync(new GetBrokerSymbol(new UserId(1), "EURUSD"))).ShouldNotBeNull().BrokerSymbol.ShouldBe("EURUSD.m");
    }

    [Fact]
    public async Task GetUserAccounts_ForABatch_AnswersAsTheSingleRequestsDoForTheUsersWithAReportingEa()
    {
        _host.World.AddUser(1);
        _host.World.AddUser(2);
        await using var one = await _host.LinkEaAsync("ea-one", 1, equity: 10_000m);
        await using var two = await _host.LinkEaAsync("ea-two", 2, equity: 5_000m);

        var batch = await _host.SendAsync(new GetUserAccounts([new UserId(1), new UserId(2), new UserId(3)], "EURUSD"));
        var unknownSymbol = await _host.SendAsync(new GetUserAccounts([new UserId(1)], "XAUUSD"));

        batch.Select(a => a.Account.UserId.Value).Order().ToList().ShouldBe(new List<long> { 1, 2 }, "user 3 has no EA");
        var first = batch.Single(a => a.Account.UserId.Value == 1);
        first.Account.ShouldBe(await _host.SendAsync(new GetUserAccount(new UserId(1))));
        first.Symbol.ShouldBe(await _host.SendAsync(new GetBrokerSymbol(new UserId(1), "EURUSD")));
        first.Symbol.ShouldNotBeNull();
        var second = batch.Single(a => a.Account.UserId.Value == 2);
        second.Account.ShouldBe(await _host.SendAsync(new GetUserAccount(new UserId(2))));
        second.Symbol.ShouldBe(await _host.SendAsync(new GetBrokerSymbol(new UserId(2), "EURUSD")));
        unknownSymbol.ShouldHaveSingleItem().Symbol.ShouldBeNull("no EA reported XAUUSD");
    }
}
