using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Users;
using Bitten.Modules.Execution.Bitmode;
using Bitten.Modules.Execution.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Execution.Tests.Bitmode;

/// <summary>End to end over real libzmq (python3-zmq): a FANG user's trade from fire to close with every BITMODE step on the wire.</summary>
public sealed class BitmodeWireTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly TemporaryDirectory _directory = new("execution-bitmode-wire");
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 1, 6, 12, 0, 0, TimeSpan.Zero));
    private ExecutionHost _host = null!;
    private PythonEa? _ea;

    public async Task InitializeAsync()
    {
        _host = await ExecutionHost.StartAsync(_directory.Path, _time, settings: new() { ["Modules:Execution:BitmodeInterval"] = "00:01:00" });
        _host.World.Quote("EURUSD", 1.09998m, 1.10000m);
    }

    public async Task DisposeAsync()
    {
        if (_ea is not null)
        {
            await _ea.DisposeAsync();
        }

        await _host.DisposeAsync();
        _directory.Dispose();
    }

    [LibzmqFact]
    public async Task FangTrade_OverLibzmq_ClosesHalfAtOneRMovesTheStopTrailsAndSettlesTheWhole()
    {
        _host.World.Entitlements[7] = new UserEntitlements(new UserId(7), "FANG_PLUS", FireMode.ManualAndAuto, true, 5, true, true, 5m, true);
        _host.World.Eas["ea-fang"] = ("token-fang", 7, true);
        _ea = await PythonEa.StartAsync(_host, "ea-fang", "token-fang");
        await _ea.HelloAsync();
        (await _ea.WaitForAsync("hello_ack")).GetProperty("ok").GetBoolean().ShouldBeTrue();
        await _host.PublishAsync(ExecutionHost.Symbols("ea-fang", _time.GetUtcNow()));
        var exits = _host.Services.GetRequiredService<BitmodeExitService>();

        var fireId = (await _host.SendAsync(ExecutionHost.Mission(7, _time.GetUtcNow()))).FireId!.Value.Value;
        await Wait.UntilAsync(() => _host.Facts.Of<FireFilled>().Any(), Timeout, "the EA filled the fire");
        var filled = _host.Facts.Of<FireFilled>().Single();
        _host.World.Quote("EURUSD", 1.10250m, 1.10252m);
        (await exits.StepAllAsync(CancellationToken.None)).ShouldBe(1);

        var close = await _ea.WaitForAsync("close");
        close.GetProperty("fire_id").GetString().ShouldBe(fireId);
        close.GetProperty("position").GetInt64().ShouldBe(filled.Position);
        close.GetProperty("volume").GetDecimal().ShouldBe(0.05m);
        await _ea.ReportAsync(new { type = "close_report", fire_id = fireId, position = filled.Position, close_price = 1.10250m, volume = 0.05m, profit = 12.5m, reason = "server", ts_ms = 1 });
        await Wait.UntilAsync(() => _host.DbAsync(db => db.PartialCloses.AnyAsync()), Timeout, "the partial close was recorded");
        (await exits.StepAllAsync(CancellationToken.None)).ShouldBe(1);

        var modify = await _ea.WaitForAsync("modify");
        var entry = modify.GetProperty("sl").GetDecimal();
        entry.ShouldBe(filled.Price);
        await _ea.HeartbeatAsync([Position(fireId, filled.Position, 0.05m, entry)]);
        await Wait.UntilAsync(() => _host.Registry.Find("ea-fang")?.Positions.Any(p => p.StopLoss == entry) == true, Timeout, "the heartbeat shows the stop at entry");
        (await exits.StepAllAsync(CancellationToken.None)).ShouldBe(0);
        _host.World.Atr["EURUSD"] = 0.00100m;
        _host.World.Quote("EURUSD", 1.10330m, 1.10332m);
        (await exits.StepAllAsync(CancellationToken.None)).ShouldBe(1);

        var trail = await _ea.WaitForAsync("modify", m => m.GetProperty("command_id").GetString() == fireId + ".t1");
        trail.GetProperty("sl").GetDecimal().ShouldBe(1.10230m);
        _ea.Count("close").ShouldBe(1);
        await _ea.ReportAsync(new { type = "close_report", fire_id = fireId, position = filled.Position, close_price = 1.10230m, volume = 0.05m, profit = 11.5m, reason = "sl", ts_ms = 2 });
        await Wait.UntilAsync(() => _host.Facts.Of<TradeClosed>().Any(), Timeout, "the trade closed");
        var closed = _host.Facts.Of<TradeClosed>().Single();
        closed.Profit.ShouldBe(24m);
        closed.RMultiple.ShouldBe(1.2);
        closed.Result.ShouldBe(TradeResult.Win);
    }

    private static object Position(string fireId, long position, decimal volume, decimal sl) =>
        new { position, fire_id = fireId, symbol = "EURUSD", side = "BUY", volume, open_price = 1.1m, sl, tp = 1.104m, profit = 0m, open_ts_ms = 0 };
}
