using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bitten.Contracts.Execution;
using Bitten.Modules.Execution.Tests.Harness;

namespace Bitten.Modules.Execution.Tests.Api;

public sealed class ExecutionEndpointsTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new("execution-api");
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 1, 6, 12, 0, 0, TimeSpan.Zero));
    private ExecutionHost _host = null!;
    private ManagedEa _ea = null!;

    public async Task InitializeAsync()
    {
        _host = await ExecutionHost.StartAsync(_directory.Path, _time, web: true);
        _host.World.AddUser(1);
        _host.World.AddUser(2);
        _host.World.Quote("EURUSD", 1.09998m, 1.10000m);
        _ea = await _host.LinkEaAsync("ea-one", 1);
    }

    public async Task DisposeAsync()
    {
        await _ea.DisposeAsync();
        await _host.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Fires_AreVisibleOnlyToTheirOwner_WithTimeline()
    {
        var fireId = (await _host.SendAsync(ExecutionHost.Mission(1, _time.GetUtcNow()))).FireId!.Value.Value;

        var mine = await _host.Client(1).GetFromJsonAsync<JsonElement>("/api/fires");
        mine.GetArrayLength().ShouldBe(1);
        (await _host.Client(2).GetFromJsonAsync<JsonElement>("/api/fires")).GetArrayLength().ShouldBe(0);
        (await _host.Client(2).GetAsync($"/api/fires/{fireId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var one = await _host.Client(1).GetFromJsonAsync<JsonElement>($"/api/fires/{fireId}");
        one.GetProperty("timeline")[0].GetProperty("status").GetString().ShouldBe("QUEUED");
        (await _host.Client(null).GetAsync("/api/fires")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Halt_ByAnAdmin_RefusesNewFiresAndIsReported()
    {
        (await _host.Client(1).PostAsJsonAsync("/api/admin/halt", new { halted = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var response = await _host.Client(99, admin: true).PostAsJsonAsync("/api/admin/halt", new { halted = true, close_all = true });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _ea.ReceiveAsync("close_all")).GetProperty("type").GetString().ShouldBe("close_all");
        (await _host.SendAsync(ExecutionHost.Mission(1, _time.GetUtcNow()))).Refusal.ShouldBe(FireRefusal.Halted);
        var state = await _host.Client(99, admin: true).GetFromJsonAsync<JsonElement>("/api/admin/halt");
        state.GetProperty("halted").GetBoolean().ShouldBeTrue();
        state.GetProperty("changed_by").GetString().ShouldBe("user 99");
    }

    [Fact]
    public async Task Halt_WithoutTheHaltedField_AnswersProblemNamingIt()
    {
        var response = await _host.Client(99, admin: true).PostAsJsonAsync("/api/admin/halt", new { close_all = true });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("halted");
    }

    [Fact]
    public async Task Eas_ShowTheUsersTerminalsOnly()
    {
        var mine = await _host.Client(1).GetFromJsonAsync<JsonElement>("/api/eas");
        mine.GetArrayLength().ShouldBe(1);
        mine[0].GetProperty("online").GetBoolean().ShouldBeTrue();
        (await _host.Client(2).GetFromJsonAsync<JsonElement>("/api/eas")).GetArrayLength().ShouldBe(0);
        (await _host.Client(1).GetAsync("/api/admin/eas")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _host.Client(5, admin: true).GetFromJsonAsync<JsonElement>("/api/admin/eas")).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task ClosePosition_OfAnotherUsersFire_IsNotFound()
    {
        var fireId = (await _host.SendAsync(ExecutionHost.Mission(1, _time.GetUtcNow()))).FireId!.Value.Value;

        (await _host.Client(2).PostAsync($"/api/positions/{fireId}/close", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _host.Client(1).PostAsync($"/api/positions/{fireId}/close", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}
