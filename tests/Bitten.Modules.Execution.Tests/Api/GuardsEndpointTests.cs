using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bitten.Contracts.Execution;
using Bitten.Modules.Execution.Fires;
using Bitten.Modules.Execution.Tests.Harness;

namespace Bitten.Modules.Execution.Tests.Api;

public sealed class GuardsEndpointTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new("execution-guards");
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 1, 6, 12, 0, 0, TimeSpan.Zero));
    private ExecutionHost _host = null!;
    private ManagedEa _ea = null!;

    public async Task InitializeAsync()
    {
        _host = await ExecutionHost.StartAsync(_directory.Path, _time, web: true);
        _host.World.AddUser(1);
        _host.World.AddUser(2);
        _ea = await _host.LinkEaAsync("ea-one", 1);
    }

    public async Task DisposeAsync()
    {
        await _ea.DisposeAsync();
        await _host.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Guards_WhenNothingLostToday_ShowAnUnusedBudgetAndNoBlock()
    {
        var guards = await _host.Client(1).GetFromJsonAsync<JsonElement>("/api/me/guards");

        guards.GetProperty("ea_id").GetString().ShouldBe("ea-one");
        guards.GetProperty("loss_used_percent").GetDecimal().ShouldBe(0m);
        guards.GetProperty("loss_cap_percent").GetDecimal().ShouldBe(6m);
        guards.GetProperty("consecutive_losses").GetInt32().ShouldBe(0);
        guards.GetProperty("tilt_blocked_until").ValueKind.ShouldBe(JsonValueKind.Null);
        guards.GetProperty("weekend_until").ValueKind.ShouldBe(JsonValueKind.Null);
        guards.GetProperty("halted").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Guards_AfterThreeLossesInARow_ShowTheTiltBlockAndTheRealisedLoss()
    {
        var closedAt = _time.GetUtcNow().AddMinutes(-10);
        await _host.DbAsync(async db =>
        {
            for (var i = 0; i < 3; i++)
            {
                db.Fires.Add(new FireRecord
                {
                    FireId = $"fire-loss-{i}", MissionId = $"m{i}", SignalId = $"s{i}", UserId = 1, EaId = "ea-one", Symbol = "EURUSD", BrokerSymbol = "EURUSD",
                    Status = FireStatus.Closed, CreatedAtMs = closedAt.AddMinutes(-30).ToUnixTimeMilliseconds(),
                    ClosedAtMs = closedAt.AddMinutes(-i).ToUnixTimeMilliseconds(), Profit = -100m, RMultiple = -1, Result = (int)TradeResult.Loss,
                });
            }

            return await db.SaveChangesAsync();
        });

        var guards = await _host.Client(1).GetFromJsonAsync<JsonElement>("/api/me/guards");

        guards.GetProperty("consecutive_losses").GetInt32().ShouldBe(3);
        guards.GetProperty("tilt_blocked_until").GetDateTimeOffset().ShouldBe(closedAt.AddMinutes(60));
        guards.GetProperty("realised_today").GetDecimal().ShouldBe(-300m);
        guards.GetProperty("loss_used_percent").GetDecimal().ShouldBe(3m);
        (await _host.Client(2).GetFromJsonAsync<JsonElement>("/api/me/guards")).GetProperty("consecutive_losses").GetInt32().ShouldBe(0, "another user's losses are not yours");
    }

    [Fact]
    public async Task Guards_WhenNotSignedIn_Answer401()
    {
        (await _host.Client(null).GetAsync("/api/me/guards")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
