using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Modules.Execution.Fires;
using Bitten.Modules.Execution.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Execution.Tests.EndToEnd;

/// <summary>The module against stand-in EAs on real libzmq (python3-zmq): hello, fire routing, confirmations, close reports, disconnects.</summary>
public sealed class EaWireTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly TemporaryDirectory _directory = new("execution-wire");
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 1, 6, 12, 0, 0, TimeSpan.Zero));
    private readonly List<PythonEa> _eas = [];
    private ExecutionHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ExecutionHost.StartAsync(_directory.Path, _time);
        _host.World.Quote("EURUSD", 1.09998m, 1.10000m);
    }

    public async Task DisposeAsync()
    {
        foreach (var ea in _eas)
        {
            await ea.DisposeAsync();
        }

        await _host.DisposeAsync();
        _directory.Dispose();
    }

    [LibzmqFact]
    public async Task Hello_WithAWrongToken_IsRefusedAndTheEaGetsNoFire()
    {
        _host.World.AddUser(1);
        _host.World.Eas["ea-one"] = ("right-token", 1, true);
        var ea = await StartEaAsync("ea-one", "right-token");

        await ea.HelloAsync(token: "wrong-token");

        var ack = await ea.WaitForAsync("hello_ack");
        ack.GetProperty("ok").GetBoolean().ShouldBeFalse();
        ack.GetProperty("error").GetString().ShouldNotBeNullOrEmpty();
        (await _host.SendAsync(ExecutionHost.Mission(1, _time.GetUtcNow()))).Refusal.ShouldBe(FireRefusal.NoTerminal);
    }

    [LibzmqFact]
    public async Task Fire_WithTwoEasOfTwoUsers_ReachesOnlyTheFiringUsersEaThenFillsAndCloses()
    {
        var one = await LinkAsync("ea-one", 1);
        var two = await LinkAsync("ea-two", 2);

        var decision = await _host.SendAsync(ExecutionHost.Mission(1, _time.GetUtcNow()));

        decision.Accepted.ShouldBeTrue(decision.Reason);
        var fireId = decision.FireId!.Value;
        var fire = await one.WaitForAsync("fire");
        fire.GetProperty("fire_id").GetString().ShouldBe(fireId.Value);
        fire.GetProperty("broker_symbol").GetString().ShouldBe("EURUSD.m");
        fire.GetProperty("side").GetString().ShouldBe("BUY");
        await Wait.UntilAsync(() => _host.Facts.Of<FireFilled>().Any(f => f.FireId == fireId), Timeout, "the fill was published");
        two.Count("fire").ShouldBe(0);

        var filled = _host.Facts.Of<FireFilled>().Single();
        filled.EaId.ShouldBe("ea-one");
        filled.UserId.ShouldBe(new UserId(1));
        (await _host.SendAsync(new GetOpenFireCount(new UserId(1)))).ShouldBe(1);

        await one.ReportAsync(new { type = "close_report", fire_id = fireId.Value, position = filled.Position, close_price = 1.10400m, volume = 0.1m, profit = 41m, commission = -0.5m, swap = -0.5m, reason = "tp", ts_ms = _time.GetUtcNow().ToUnixTimeMilliseconds() });

        await Wait.UntilAsync(() => _host.Facts.Of<TradeClosed>().Any(), Timeout, "the close was published");
        var closed = _host.Facts.Of<TradeClosed>().Single();
        closed.RMultiple.ShouldBe(2.0);
        closed.Result.ShouldBe(TradeResult.Win);
        closed.Reason.ShouldBe(CloseReason.TakeProfit);
        closed.AtOriginalStop.ShouldBeFalse();
        (await _host.SendAsync(new GetOpenFireCount(new UserId(1)))).ShouldBe(0);
        var timeline = await _host.DbAsync(db => db.FireEvents.Where(e => e.FireId == fireId.Value).OrderBy(e => e.Id).Select(e => e.Status).ToListAsync());
        timeline.ShouldBe([FireStatus.Queued, FireStatus.Sent, FireStatus.Filled, FireStatus.Closed]);
        _host.Facts.Of<FireSent>().Single().EaId.ShouldBe("ea-one");
    }

    [LibzmqFact]
    public async Task Confirmation_WhenTheSameFireIsConfirmedTwice_FillsOnce()
    {
        var ea = await LinkAsync("ea-one", 1, auto: false);
        var decision = await _host.SendAsync(ExecutionHost.Mission(1, _time.GetUtcNow()));
        var fireId = decision.FireId!.Value.Value;
        await ea.WaitForAsync("fire");

        var confirmation = new { type = "confirmation", fire_id = fireId, status = "filled", retcode = 10009, position = 555L, price = 1.10001m, volume = 0.1m };
        await ea.ReportAsync(confirmation with { status = "success" }); // the original EA's word for filled
        await ea.ReportAsync(confirmation);
        await ea.ReportAsync(confirmation with { status = "duplicate" });
        await ea.ReportAsync(new { type = "confirmation", fire_id = fireId, status = "filled", retcode = 10009, position = 556L, price = 1.10001m, volume = 0.1m });

        await Wait.UntilAsync(() => _host.Services.GetRequiredService<ExecutionMetrics>().Rejections.GetValueOrDefault("position_mismatch") == 1, Timeout, "every confirmation was processed");
        _host.Facts.Of<FireFilled>().Count.ShouldBe(1);
        var fire = await _host.DbAsync(db => db.Fires.SingleAsync());
        fire.Position.ShouldBe(555);
        (await _host.DbAsync(db => db.FireEvents.CountAsync(e => e.Status == FireStatus.Filled))).ShouldBe(1);
    }

    [LibzmqFact]
    public async Task Confirmation_FromAnotherUsersEa_IsDroppedAndCounted()
    {
        var one = await LinkAsync("ea-one", 1, auto: false);
        var two = await LinkAsync("ea-two", 2, auto: false);
        var fireId = (await _host.SendAsync(ExecutionHost.Mission(1, _time.GetUtcNow()))).FireId!.Value.Value;
        await one.WaitForAsync("fire");
        await Wait.UntilAsync(() => _host.Facts.Of<FireSent>().Any(), Timeout, "the fire was marked sent");

        await two.ReportAsync(new { type = "confirmation", fire_id = fireId, status = "filled", position = 1L, price = 1.1m, volume = 0.1m });
        await two.ReportAsync(new { type = "close_report", fire_id = fireId, position = 1L, close_price = 1.098m, profit = -20m, reason = "sl" });

        var metrics = _host.Services.GetRequiredService<ExecutionMetrics>();
        await Wait.UntilAsync(() => metrics.Rejections.GetValueOrDefault("foreign_fire") == 2, Timeout, "both foreign reports were dropped");
        (await _host.DbAsync(db => db.Fires.SingleAsync())).Status.ShouldBe(FireStatus.Sent);
        _host.Facts.Of<FireFilled>().ShouldBeEmpty();
        _host.Facts.Of<TradeClosed>().ShouldBeEmpty();

        await one.ReportAsync(new { type = "confirmation", fire_id = fireId, status = "filled", position = 9L, price = 1.1m, volume = 0.1m });
        await Wait.UntilAsync(() => _host.Facts.Of<FireFilled>().Count == 1, Timeout, "the owner's confirmation counted");
    }

    [LibzmqFact]
    public async Task Confirmation_Rejected_PublishesFireFailedWithRetcode()
    {
        var ea = await LinkAsync("ea-one", 1, auto: false);
        var fireId = (await _host.SendAsync(ExecutionHost.Mission(1, _time.GetUtcNow()))).FireId!.Value;
        await ea.WaitForAsync("fire");

        await ea.ReportAsync(new { type = "confirmation", fire_id = fireId.Value, status = "rejected", retcode = 10016, message = "Invalid stops" });

        await Wait.UntilAsync(() => _host.Facts.Of<FireFailed>().Any(), Timeout, "the rejection was published");
        var failed = _host.Facts.Of<FireFailed>().Single();
        failed.Outcome.ShouldBe(MissionStatus.Rejected);
        failed.Retcode.ShouldBe(10016);
        failed.Reason.ShouldContain("Invalid stops");
    }

    [LibzmqFact]
    public async Task Fire_AfterTheEaDisconnects_FailsTerminalOfflineAndTheNextIsRefused()
    {
        var ea = await LinkAsync("ea-one", 1);
        await ea.CloseAsync();

        // The server learns of the disconnect when it next tries the EA's route: that fire fails at once.
        var first = await _host.SendAsync(ExecutionHost.Mission(1, _time.GetUtcNow()));
        if (first.Accepted)
        {
            await Wait.UntilAsync(() => _host.Facts.Of<FireFailed>().Any(f => f.FireId == first.FireId) || _host.Facts.Of<FireSent>().Any(f => f.FireId == first.FireId), Timeout, "the first fire settled");
            var failed = _host.Facts.Of<FireFailed>().ShouldHaveSingleItem();
            failed.Outcome.ShouldBe(MissionStatus.Failed);
            failed.Reason.ShouldBe("terminal offline");
        }

        var next = await _host.SendAsync(ExecutionHost.Mission(1, _time.GetUtcNow()));
        next.Refusal.ShouldBe(FireRefusal.TerminalOffline);
        next.Reason.ShouldBe("terminal offline");
        _host.Facts.Of<FireSent>().ShouldBeEmpty();
    }

    [LibzmqFact]
    public async Task Fire_WithoutConfirmation_TurnsUnconfirmedThenTheOriginalEasHeartbeatReconcilesIt()
    {
        var ea = await LinkAsync("ea-one", 1, auto: false);
        var fireId = (await _host.SendAsync(ExecutionHost.Mission(1, _time.GetUtcNow()))).FireId!.Value;
        await ea.WaitForAsync("fire");
        await Wait.UntilAsync(() => _host.Facts.Of<FireSent>().Any(), Timeout, "the fire was sent");

        _time.Advance(TimeSpan.FromSeconds(11));

        await Wait.UntilAsync(() => _host.Facts.Of<FireFailed>().Any(f => f.Outcome == MissionStatus.Unconfirmed), Timeout, "the fire turned unconfirmed");
        await ea.HeartbeatAsync([
            new { position = 777L, fire_id = fireId.Value, symbol = "EURUSD", side = "BUY", volume = 0.1m, open_price = 1.10002m, sl = 1.098m, tp = 1.104m, profit = 1.2m, open_ts_ms = 0L },
            new { position = 778L, fire_id = "", symbol = "GBPUSD", side = "SELL", volume = 1m, open_price = 1.3m, sl = 0m, tp = 0m, profit = -3m, open_ts_ms = 0L },
        ]);

        await Wait.UntilAsync(() => _host.Facts.Of<FireFilled>().Any(), Timeout, "the heartbeat reconciled the fire");
        _host.Facts.Of<FireFilled>().Single().Position.ShouldBe(777);
        _host.Registry.Find("ea-one")!.Positions.Count.ShouldBe(2);
        (await _host.DbAsync(db => db.EaPositions.CountAsync())).ShouldBe(2);
    }

    private async Task<PythonEa> StartEaAsync(string eaId, string token, bool auto = true)
    {
        var ea = await PythonEa.StartAsync(_host, eaId, token, auto);
        _eas.Add(ea);
        return ea;
    }

    private async Task<PythonEa> LinkAsync(string eaId, long userId, bool auto = true)
    {
        _host.World.AddUser(userId);
        _host.World.Eas[eaId] = ("token-" + eaId, userId, true);
        var ea = await StartEaAsync(eaId, "token-" + eaId, auto);
        await ea.HelloAsync();
        (await ea.WaitForAsync("hello_ack")).GetProperty("ok").GetBoolean().ShouldBeTrue();
        await _host.PublishAsync(ExecutionHost.Symbols(eaId, _time.GetUtcNow()));
        return ea;
    }
}
