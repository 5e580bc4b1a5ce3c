using System.Text.Json;
using Bitten.Contracts.Execution;
using Bitten.Modules.Execution.Fires;
using Bitten.Modules.Execution.Tests.Harness;
using Bitten.Modules.Execution.Wire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Execution.Tests.Wire;

/// <summary>
/// Reports that arrive together are handled together: filled confirmations are group-committed, yet every report
/// keeps its own checks and its place in the order (a close report after a fill in the same burst settles it).
/// </summary>
public sealed class ReportBatchTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new("execution-report-batch");
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 1, 6, 12, 0, 0, TimeSpan.Zero)); // a Tuesday
    private ExecutionHost _host = null!;
    private ManagedEa _one = null!;
    private ManagedEa _two = null!;

    public async Task InitializeAsync()
    {
        _host = await ExecutionHost.StartAsync(_directory.Path, _time);
        _host.World.AddUser(1, maxOpenFires: 5);
        _host.World.AddUser(2);
        _host.World.Quote("EURUSD", 1.09998m, 1.10000m);
        _one = await _host.LinkEaAsync("ea-one", 1);
        _two = await _host.LinkEaAsync("ea-two", 2);
    }

    public async Task DisposeAsync()
    {
        await _one.DisposeAsync();
        await _two.DisposeAsync();
        await _host.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Burst_OfConfirmationsDuplicatesACloseAndAForeignReport_SettlesEachOnceInOrder()
    {
        var a = (await _host.SendAsync(ExecutionHost.Mission(1, _time.GetUtcNow()))).FireId!.Value.Value;
        var b = (await _host.SendAsync(ExecutionHost.Mission(1, _time.GetUtcNow()))).FireId!.Value.Value;
        var c = (await _host.SendAsync(ExecutionHost.Mission(1, _time.GetUtcNow()))).FireId!.Value.Value;
        var ingest = _host.Services.GetRequiredService<ReportIngestService>();
        var metrics = _host.Services.GetRequiredService<ExecutionMetrics>();

        await ingest.HandleBatchAsync(
        [
            Report(_one, new { type = "confirmation", fire_id = a, status = "filled", retcode = 10009, position = 10L, price = 1.10002m, volume = 0.1m }),
            Report(_one, new { type = "confirmation", fire_id = b, status = "filled", retcode = 10009, position = 11L, price = 1.10003m, volume = 0.1m }),
            Report(_one, new { type = "close_report", fire_id = a, position = 10L, close_price = 1.10402m, volume = 0.1m, profit = 40m, reason = "tp", ts_ms = _time.GetUtcNow().ToUnixTimeMilliseconds() }),
            Report(_two, new { type = "confirmation", fire_id = c, status = "filled", retcode = 10009, position = 99L, price = 1.1m, volume = 0.1m }),
            Report(_one, new { type = "confirmation", fire_id = a, status = "duplicate", retcode = 10009, position = 10L, price = 1.10002m, volume = 0.1m }),
            Report(_one, new { type = "confirmation", fire_id = b, status = "filled", retcode = 10009, position = 12L, price = 1.10003m, volume = 0.1m }),
            Report(_one, new { type = "confirmation", fire_id = c, status = "filled", retcode = 10009, position = 13L, price = 1.10001m, volume = 0.1m }),
        ], CancellationToken.None);

        var fires = await _host.DbAsync(db => db.Fires.AsNoTracking().ToDictionaryAsync(f => f.FireId));
        fires[a].Status.ShouldBe(FireStatus.Closed);
        fires[a].Position.ShouldBe(10);
        fires[b].Status.ShouldBe(FireStatus.Filled);
        fires[b].Position.ShouldBe(11);
        fires[c].Status.ShouldBe(FireStatus.Filled);
        fires[c].Position.ShouldBe(13, "the other EA's confirmation of this fire was not taken");
        metrics.Rejections.GetValueOrDefault("foreign_fire").ShouldBe(1);
        metrics.Rejections.GetValueOrDefault("position_mismatch").ShouldBe(1);
        _host.Facts.Of<FireFilled>().Select(f => f.FireId.Value).ShouldBe([a, b, c], ignoreOrder: true);
        _host.Facts.Of<TradeClosed>().Single().FireId.Value.ShouldBe(a);
        (await _host.DbAsync(db => db.FireEvents.CountAsync(e => e.Status == FireStatus.Filled))).ShouldBe(3);
        (await _host.DbAsync(db => db.Outbox.CountAsync(o => o.DoneAtMs == null))).ShouldBe(0);
    }

    [Fact]
    public async Task Burst_WithReportsTheFuzzerFound_DropsThoseAndSettlesTheRest()
    {
        var a = (await _host.SendAsync(ExecutionHost.Mission(1, _time.GetUtcNow()))).FireId!.Value.Value;
        var b = (await _host.SendAsync(ExecutionHost.Mission(1, _time.GetUtcNow()))).FireId!.Value.Value;
        var ingest = _host.Services.GetRequiredService<ReportIngestService>();
        var metrics = _host.Services.GetRequiredService<ExecutionMetrics>();
        var undecodable = Report(_one, new { type = "confirmation", fire_id = a, status = "filled~", retcode = 10009, position = 10L }).ToArray();
        undecodable[Array.IndexOf(undecodable, (byte)'~')] = 0xFF; // "status":"filled<0xFF>": GetString threw InvalidOperationException

        await ingest.HandleBatchAsync(
        [
            undecodable,
            Report(_one, new { type = "confirmation", fire_id = a, status = "filled", retcode = 10009, position = 10L, price = 1.10002m, volume = 0.1m }),
            Report(_one, new { type = "confirmation", fire_id = b, status = "filled", retcode = 10009, position = 11L, price = 1.10003m, volume = 0.1m }),
            Report(_one, new { type = "close_report", fire_id = a, position = 10L, close_price = 1.1m, profit = decimal.MaxValue, commission = decimal.MaxValue, reason = "tp" }),
        ], CancellationToken.None);

        var fires = await _host.DbAsync(db => db.Fires.AsNoTracking().ToDictionaryAsync(f => f.FireId));
        fires[a].Status.ShouldBe(FireStatus.Filled, "the close report whose profit + commission overflows decimal is refused, not thrown");
        fires[b].Status.ShouldBe(FireStatus.Filled);
        metrics.Rejections.GetValueOrDefault("bad_value").ShouldBe(2, "the undecodable status reads as absent, and the overflowing sum");
    }

    private static ReadOnlyMemory<byte> Report(ManagedEa ea, object body)
    {
        var fields = JsonSerializer.SerializeToElement(body).EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value);
        fields["ea_id"] = ea.EaId;
        fields["ea_token"] = ea.Token;
        return JsonSerializer.SerializeToUtf8Bytes(fields);
    }
}
