using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Modules.Execution.Fires;
using Bitten.Modules.Execution.Persistence;
using Bitten.Modules.Execution.Tests.Harness;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Execution.Tests.EndToEnd;

/// <summary>Fault: the process stops with a fire queued but not sent, and another already sent.</summary>
public sealed class RestartTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly TemporaryDirectory _directory = new("execution-restart");
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 1, 6, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeWorld _world = new();

    [Fact]
    public async Task Restart_WithAQueuedOutboxRow_SendsItOnceAndNeverResendsASentFire()
    {
        _world.AddUser(1);
        _world.Quote("EURUSD", 1.09998m, 1.10000m);
        string sentId;
        await using (var first = await ExecutionHost.StartAsync(_directory.Path, _time, _world))
        {
            await using var ea = await first.LinkEaAsync("ea-one", 1);
            sentId = (await first.SendAsync(ExecutionHost.Mission(1, _time.GetUtcNow()))).FireId!.Value.Value;
            (await ea.ReceiveAsync("fire")).GetProperty("fire_id").GetString().ShouldBe(sentId);
            await Wait.UntilAsync(() => first.Facts.Of<FireSent>().Any(), Timeout, "the first fire was marked sent");
        }

        // A crash between the commit of a fire and its send leaves a queued fire with an open outbox row.
        var queuedId = FireId.New(_time.GetUtcNow()).Value;
        await InsertQueuedAsync(queuedId);

        await using var second = await ExecutionHost.StartAsync(_directory.Path, _time, _world);
        await second.Registry.EnsureLoadedAsync(CancellationToken.None);
        second.Registry.Find("ea-one").ShouldNotBeNull("the registry knows its EAs before they speak");
        await using var again = await second.LinkEaAsync("ea-one", 1);

        (await again.ReceiveAsync("fire")).GetProperty("fire_id").GetString().ShouldBe(queuedId);
        var later = (await second.SendAsync(ExecutionHost.Mission(1, _time.GetUtcNow()))).FireId!.Value.Value;
        (await again.ReceiveAsync("fire")).GetProperty("fire_id").GetString().ShouldBe(later, "the fire sent before the restart is not sent again");
        await Wait.UntilAsync(() => second.DbAsync(db => db.Outbox.AllAsync(o => o.DoneAtMs != null)), Timeout, "the outbox is empty");
        await Wait.UntilAsync(async () => (await second.DbAsync(db => db.Fires.SingleAsync(f => f.FireId == queuedId))).Status == FireStatus.Sent, Timeout, "the fire is marked SENT");
    }

    [Fact]
    public async Task Restart_AfterADowntimeLongerThanStaleness_HoldsTheQueuedFireUntilTheTerminalSaysHello()
    {
        _world.AddUser(1);
        _world.Quote("EURUSD", 1.09998m, 1.10000m);
        await using (var first = await ExecutionHost.StartAsync(_directory.Path, _time, _world))
        {
            await using var ea = await first.LinkEaAsync("ea-one", 1);
        }

        // The host was down for two minutes: the terminal's last-seen time is older than the staleness limit through no fault of its own.
        _time.Advance(TimeSpan.FromMinutes(2));
        var queuedId = FireId.New(_time.GetUtcNow()).Value;
        await InsertQueuedAsync(queuedId);

        await using var second = await ExecutionHost.StartAsync(_directory.Path, _time, _world);
        await second.Registry.EnsureLoadedAsync(CancellationToken.None);
        second.Registry.Find("ea-one")!.IsFresh(_time.GetUtcNow(), second.Registry.StaleAfter).ShouldBeFalse("the precondition: stale by its pre-restart last-seen time");
        await using var again = await second.LinkEaAsync("ea-one", 1);

        (await again.ReceiveAsync("fire")).GetProperty("fire_id").GetString().ShouldBe(queuedId, "the queued fire waited for the hello instead of failing 'terminal offline'");
        await Wait.UntilAsync(async () => (await second.DbAsync(db => db.Fires.SingleAsync(f => f.FireId == queuedId))).Status == FireStatus.Sent, Timeout, "the fire is marked SENT");
    }

    private async Task InsertQueuedAsync(string fireId)
    {
        var options = SchemaSnapshot.Options<ExecutionDbContext>(Path.Combine(_directory.Path, "execution.db"));
        await using var db = new ExecutionDbContext(options);
        var now = _time.GetUtcNow();
        db.Fires.Add(new FireRecord
        {
            FireId = fireId, MissionId = MissionId.New(now).Value, UserId = 1, SignalId = SignalId.New(now).Value, EaId = "ea-one", Symbol = "EURUSD", BrokerSymbol = "EURUSD.m",
            Side = (int)Side.Buy, Volume = 0.1m, Entry = 1.1m, StopLoss = 1.098m, TakeProfit = 1.104m, RiskMoney = 20m, Point = 0.00001m, Source = (int)FireSource.Http,
            Status = FireStatus.Queued, CreatedAtMs = now.ToUnixTimeMilliseconds(), ExpiresAtMs = now.AddMinutes(15).ToUnixTimeMilliseconds(),
        });
        db.Outbox.Add(new OutboxRecord { FireId = fireId, CreatedAtMs = now.ToUnixTimeMilliseconds() });
        await db.SaveChangesAsync();
    }

    public void Dispose() => _directory.Dispose();
}
