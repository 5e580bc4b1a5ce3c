using System.Text.Json;
using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Users;
using Bitten.Modules.Execution.Bitmode;
using Bitten.Modules.Execution.Fires;
using Bitten.Modules.Execution.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Execution.Tests.Bitmode;

/// <summary>
/// The BITMODE exit manager in the module, against a managed EA: a BUY filled at 1.10000, stop 1.09800 (1 R = 20 pips),
/// target 1.10400, 0.10 lots, risk 20 USD. Passes are run by hand (<see cref="BitmodeExitService.StepAllAsync"/>) on a
/// manual clock, so every assertion is about what was sent, never about timing.
/// </summary>
public sealed class BitmodeExitTests : IDisposable
{
    private const long Position = 501;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly TemporaryDirectory _directory = new("execution-bitmode");
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 1, 6, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeWorld _world = new();

    private static Dictionary<string, string?> Settings => new()
    {
        ["Modules:Execution:BitmodeInterval"] = "00:01:00", // the background pass stays out of the way; tests step by hand
        ["Modules:Execution:BitmodeAckTimeout"] = "00:00:05",
    };

    [Fact]
    public async Task OneR_WhenReached_ClosesHalfOnceThenMovesTheStopToEntryThenTrailsOnlyTighter()
    {
        Fang(1);
        await using var host = await StartAsync();
        await using var ea = await host.LinkEaAsync("ea-fang", 1);
        var fireId = await FillAsync(host, ea);
        var exits = host.Services.GetRequiredService<BitmodeExitService>();

        (await exits.StepAllAsync(CancellationToken.None)).ShouldBe(0, "below 1 R nothing is sent");
        _world.Quote("EURUSD", 1.10200m, 1.10202m);
        (await exits.StepAllAsync(CancellationToken.None)).ShouldBe(1);
        var close = await NextAsync(ea);
        close.GetProperty("type").GetString().ShouldBe("close");
        close.GetProperty("volume").GetDecimal().ShouldBe(0.05m);
        close.GetProperty("position").GetInt64().ShouldBe(Position);
        close.GetProperty("command_id").GetString().ShouldBe(fireId + ".p");
        (await exits.StepAllAsync(CancellationToken.None)).ShouldBe(0, "the partial close is in flight: never a second one");

        var partial = PartialReport(ea, fireId);
        await ea.ReportAsync(partial);
        await ea.ReportAsync(partial); // EAs replay recent close reports: counted once
        await Wait.UntilAsync(() => host.DbAsync(db => db.PartialCloses.AnyAsync()), Timeout, "the partial close was recorded");
        (await exits.StepAllAsync(CancellationToken.None)).ShouldBe(1);
        var modify = await NextAsync(ea);
        modify.GetProperty("type").GetString().ShouldBe("modify");
        modify.GetProperty("sl").GetDecimal().ShouldBe(1.10000m);
        modify.GetProperty("tp").GetDecimal().ShouldBe(1.10400m);
        var fire = await host.DbAsync(db => db.Fires.SingleAsync(f => f.FireId == fireId));
        fire.Status.ShouldBe(FireStatus.Filled);
        fire.RemainingVolume.ShouldBe(0.05m);
        fire.PartialProfit.ShouldBe(10m);
        fire.PartialR.ShouldBe(0.5);

        await HeartbeatAsync(host, ea, fireId, 0.05m, 1.10000m);
        (await exits.StepAllAsync(CancellationToken.None)).ShouldBe(0);
        (await PlanAsync(host, fireId)).Stage.ShouldBe(ExitStage.Trailing);

        _world.Atr["EURUSD"] = 0.00150m;
        _world.Quote("EURUSD", 1.10500m, 1.10502m);
        (await exits.StepAllAsync(CancellationToken.None)).ShouldBe(1);
        var trail = await NextAsync(ea);
        trail.GetProperty("sl").GetDecimal().ShouldBe(1.10350m);
        trail.GetProperty("command_id").GetString().ShouldBe(fireId + ".t1");
        await HeartbeatAsync(host, ea, fireId, 0.05m, 1.10350m);
        (await exits.StepAllAsync(CancellationToken.None)).ShouldBe(0);
        _world.Quote("EURUSD", 1.10420m, 1.10422m);
        (await exits.StepAllAsync(CancellationToken.None)).ShouldBe(0, "a falling price never loosens the stop");

        await ea.ReportAsync(new { type = "close_report", ea_id = ea.EaId, ea_token = ea.Token, fire_id = fireId, position = Position, close_price = 1.10350m, volume = 0.05m, profit = 17.5m, reason = "sl", ts_ms = 2 });
        await Wait.UntilAsync(() => host.Facts.Of<TradeClosed>().Any(), Timeout, "the trade closed");
        var closed = host.Facts.Of<TradeClosed>().Single();
        closed.Profit.ShouldBe(27.5m, "the realised half counts in the trade's result");
        closed.RMultiple.ShouldBe(1.375);
        closed.Volume.ShouldBe(0.10m);
        closed.AtOriginalStop.ShouldBeFalse();
        (await exits.StepAllAsync(CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task Restart_AfterThePartialCloseWasSent_DoesNotSendItAgainAndResumesFromTheTerminalsReport()
    {
        Fang(1);
        string fireId;
        await using (var first = await StartAsync())
        {
            await using var ea = await first.LinkEaAsync("ea-fang", 1);
            fireId = await FillAsync(first, ea);
            _world.Quote("EURUSD", 1.10200m, 1.10202m);
            (await first.Services.GetRequiredService<BitmodeExitService>().StepAllAsync(CancellationToken.None)).ShouldBe(1);
            (await NextAsync(ea)).GetProperty("type").GetString().ShouldBe("close");
        } // the host stops before the close report arrives (it was lost with the process)

        await using var second = await StartAsync();
        await using var again = await second.LinkEaAsync("ea-fang", 1);
        var exits = second.Services.GetRequiredService<BitmodeExitService>();
        (await exits.StepAllAsync(CancellationToken.None)).ShouldBe(0, "nothing proves the close undone");
        _time.Advance(TimeSpan.FromSeconds(6));
        (await exits.StepAllAsync(CancellationToken.None)).ShouldBe(0, "past the timeout, still no heartbeat: no second close");

        await HeartbeatAsync(second, again, fireId, 0.05m, 1.09800m); // the terminal did close half
        (await exits.StepAllAsync(CancellationToken.None)).ShouldBe(1);
        var next = await NextAsync(again);
        next.GetProperty("type").GetString().ShouldBe("modify", "the close is not sent twice; BITMODE moves on to the stop");
        next.GetProperty("sl").GetDecimal().ShouldBe(1.10000m);
    }

    [Fact]
    public async Task Restart_WhenTheTerminalNeverGotThePartialClose_SendsTheSameCommandOnceMore()
    {
        Fang(1);
        string fireId;
        await using (var first = await StartAsync())
        {
            await using var ea = await first.LinkEaAsync("ea-fang", 1);
            fireId = await FillAsync(first, ea);
            _world.Quote("EURUSD", 1.10200m, 1.10202m);
            (await first.Services.GetRequiredService<BitmodeExitService>().StepAllAsync(CancellationToken.None)).ShouldBe(1);
        }

        await using var second = await StartAsync();
        await using var again = await second.LinkEaAsync("ea-fang", 1);
        var exits = second.Services.GetRequiredService<BitmodeExitService>();
        _time.Advance(TimeSpan.FromSeconds(6));
        await HeartbeatAsync(second, again, fireId, 0.10m, 1.09800m); // well after the send, still the full volume

        (await exits.StepAllAsync(CancellationToken.None)).ShouldBe(1);
        var close = await NextAsync(again);
        close.GetProperty("type").GetString().ShouldBe("close");
        close.GetProperty("command_id").GetString().ShouldBe(fireId + ".p", "the same command id: an EA that remembers it ignores a repeat");
        (await exits.StepAllAsync(CancellationToken.None)).ShouldBe(0);
        (await PlanAsync(second, fireId)).Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task OneR_ForATierWithoutBitmode_SendsNothing()
    {
        _world.AddUser(1); // COMMANDER: no BITMODE exits
        await using var host = await StartAsync();
        await using var ea = await host.LinkEaAsync("ea-cmd", 1);
        var fireId = await FillAsync(host, ea);
        _world.Quote("EURUSD", 1.10300m, 1.10302m);

        (await host.Services.GetRequiredService<BitmodeExitService>().StepAllAsync(CancellationToken.None)).ShouldBe(0);

        (await host.DbAsync(db => db.ExitPlans.AnyAsync())).ShouldBeFalse();
        (await host.DbAsync(db => db.Fires.SingleAsync(f => f.FireId == fireId))).Bitmode.ShouldBe(false);
    }

    [Fact]
    public async Task CloseReport_WhenSmallerThanThePositionOfANonBitmodeFire_IsAPartialCloseNotTheEnd()
    {
        _world.AddUser(1);
        await using var host = await StartAsync();
        await using var ea = await host.LinkEaAsync("ea-cmd", 1);
        var fireId = await FillAsync(host, ea);

        await ea.ReportAsync(PartialReport(ea, fireId) with { reason = "manual" });
        await Wait.UntilAsync(() => host.DbAsync(db => db.PartialCloses.AnyAsync()), Timeout, "the partial close was recorded");
        await ea.ReportAsync(new { type = "close_report", ea_id = ea.EaId, ea_token = ea.Token, fire_id = fireId, position = Position, close_price = 1.0990m, volume = 0.05m, profit = -5m, reason = "manual", ts_ms = 9 });

        await Wait.UntilAsync(() => host.Facts.Of<TradeClosed>().Any(), Timeout, "the trade closed");
        host.Facts.Of<TradeClosed>().Single().Profit.ShouldBe(5m);
        host.Facts.Of<TradeClosed>().Single().Result.ShouldBe(TradeResult.Win);
    }

    private void Fang(long userId) =>
        _world.Entitlements[userId] = new UserEntitlements(new UserId(userId), "FANG", FireMode.ManualAndAuto, true, 3, true, true, 3m, true);

    private async Task<ExecutionHost> StartAsync()
    {
        _world.Quote("EURUSD", 1.09998m, 1.10000m);
        return await ExecutionHost.StartAsync(_directory.Path, _time, _world, Settings);
    }

    private async Task<string> FillAsync(ExecutionHost host, ManagedEa ea)
    {
        var fireId = (await host.SendAsync(ExecutionHost.Mission(1, _time.GetUtcNow()))).FireId!.Value.Value;
        (await ea.ReceiveAsync("fire")).GetProperty("fire_id").GetString().ShouldBe(fireId);
        await ea.ReportAsync(new { type = "confirmation", ea_id = ea.EaId, ea_token = ea.Token, fire_id = fireId, status = "filled", retcode = 10009, position = Position, price = 1.10000m, volume = 0.10m });
        await Wait.UntilAsync(() => host.Facts.Of<FireFilled>().Any(f => f.FireId.Value == fireId), Timeout, "the fire filled");
        return fireId;
    }

    private static PartialClose PartialReport(ManagedEa ea, string fireId) => new("close_report", ea.EaId, ea.Token, fireId, Position, 1.10200m, 0.05m, 10m, "server", 1);

    private static async Task HeartbeatAsync(ExecutionHost host, ManagedEa ea, string fireId, decimal volume, decimal sl)
    {
        await ea.SendAsync(new
        {
            type = "heartbeat", ea_id = ea.EaId, ea_token = ea.Token, balance = 10_000m, equity = 10_000m, currency = "USD",
            positions = new[] { new { position = Position, fire_id = fireId, symbol = "EURUSD", side = "BUY", volume, open_price = 1.10000m, sl, tp = 1.10400m, profit = 0m, open_ts_ms = 0 } },
        });
        await Wait.UntilAsync(() => host.Registry.Find(ea.EaId)?.Positions.Any(p => p.Volume == volume && p.StopLoss == sl) == true, Timeout, "the heartbeat was applied");
    }

    private static Task<ExitPlanRecord> PlanAsync(ExecutionHost host, string fireId) => host.DbAsync(db => db.ExitPlans.AsNoTracking().SingleAsync(p => p.FireId == fireId));

    /// <summary>The next command for the EA, pings and acks aside.</summary>
    private static async Task<JsonElement> NextAsync(ManagedEa ea)
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (true)
        {
            using var message = await ea.Dealer.ReceiveAsync(cts.Token);
            var json = JsonDocument.Parse(message.GetFrameMemory(message.FrameCount - 1)).RootElement.Clone();
            if (json.GetProperty("type").GetString() is not ("ping" or "hello_ack"))
            {
                return json;
            }
        }
    }

    public void Dispose() => _directory.Dispose();

#pragma warning disable IDE1006, SA1300 // wire field names
    private sealed record PartialClose(string type, string ea_id, string ea_token, string fire_id, long position, decimal close_price, decimal volume, decimal profit, string reason, long ts_ms);
#pragma warning restore IDE1006, SA1300
}
