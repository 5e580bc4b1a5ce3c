using Bitten.Contracts.Execution;
using Bitten.Modules.Execution.Tests.Harness;

namespace Bitten.Modules.Execution.Tests.Fires;

/// <summary>Modules:Execution:WeekendOpenEas — a paper EA on a simulated market (the embedded demo) is exempt from the weekend guard; nobody else is.</summary>
public sealed class WeekendOpenEaTests : IAsyncLifetime
{
    private const long PaperUser = 7;
    private const long RealUser = 8;
    private readonly TemporaryDirectory _directory = new("execution-weekend-open");
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.Zero)); // a Saturday
    private ExecutionHost _host = null!;
    private ManagedEa _paper = null!;
    private ManagedEa _real = null!;

    public async Task InitializeAsync()
    {
        _host = await ExecutionHost.StartAsync(_directory.Path, _time, settings: new() { ["Modules:Execution:WeekendOpenEas:0"] = "sim-ea-1" });
        _host.World.AddUser(PaperUser);
        _host.World.AddUser(RealUser);
        _host.World.Quote("EURUSD", 1.09998m, 1.10000m);
        _paper = await _host.LinkEaAsync("sim-ea-1", PaperUser);
        _real = await _host.LinkEaAsync("real-ea-8", RealUser);
    }

    public async Task DisposeAsync()
    {
        await _paper.DisposeAsync();
        await _real.DisposeAsync();
        await _host.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task FireMission_OnSaturday_ToTheWeekendOpenEa_IsAccepted()
    {
        var decision = await _host.SendAsync(ExecutionHost.Mission(PaperUser, _time.GetUtcNow()));

        decision.Accepted.ShouldBeTrue(decision.Reason);
    }

    [Fact]
    public async Task FireMission_OnSaturday_ToARealEa_IsStillRefusedWeekend()
    {
        var decision = await _host.SendAsync(ExecutionHost.Mission(RealUser, _time.GetUtcNow()));

        decision.Refusal.ShouldBe(FireRefusal.Weekend);
    }
}
