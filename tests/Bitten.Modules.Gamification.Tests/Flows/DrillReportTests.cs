using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Gamification;
using Bitten.Contracts.Users;
using Bitten.Modules.Gamification.Drill;
using Bitten.Modules.Gamification.Integration;
using Bitten.Modules.Gamification.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Gamification.Tests.Flows;

public sealed class DrillReportTests : IDisposable
{
    // Friday 6 March 2026, 22:00 UTC = 17:00 in New York (EST).
    private static readonly DateTimeOffset Start = new(2026, 3, 6, 22, 0, 0, TimeSpan.Zero);
    private readonly GameHarness _game = new(Start);

    private Task<int> RunJobAsync() => _game.RunAsync(sp => sp.GetRequiredService<DrillReportService>().RunAsync(CancellationToken.None));

    private Task CloseAsync(long user, string fire, TradeResult result, double r, DateTimeOffset at) =>
        _game.RunAsync(sp => ActivatorUtilities.CreateInstance<TradeClosedHandler>(sp).Handle(Facts.Closed(user, fire, result, r, at), CancellationToken.None));

    [Fact]
    public async Task Run_WhenLocalTimePasses1800_QueuesOneReportWithTheDayAndDedupeKey()
    {
        _game.Mediator.Profile(1, "America/New_York", DrillTone.Harsh);
        await CloseAsync(1, "A", TradeResult.Win, 2.0, Start.AddHours(-3));
        await CloseAsync(1, "B", TradeResult.Win, 1.0, Start.AddHours(-2));
        await CloseAsync(1, "C", TradeResult.Loss, -1.0, Start.AddHours(-1));

        (await RunJobAsync()).ShouldBe(0); // 17:00 local: not yet
        _game.Clock.Advance(TimeSpan.FromMinutes(65)); // 18:05
        (await RunJobAsync()).ShouldBe(1);
        _game.Clock.Advance(TimeSpan.FromMinutes(5));
        (await RunJobAsync()).ShouldBe(0); // once a day

        var alert = _game.Mediator.Alerts.ShouldHaveSingleItem();
        alert.Kind.ShouldBe(AlertKind.DrillReport);
        alert.DedupeKey.ShouldBe("drill:1:2026-03-06");
        alert.Html.ShouldContain("SOLID");
        alert.Html.ShouldContain("Trades: 3 (W 2 / L 1)");
        alert.Html.ShouldContain("+2.00 R");
        alert.Html.ShouldContain("win rate 67 %");
        alert.Html.ShouldContain("Tactic: LONE_WOLF");
        alert.Html.ShouldContain("Solid is the minimum"); // harsh wording
    }

    [Fact]
    public async Task Run_WhenUserTurnedReportsOff_SendsNothing()
    {
        _game.Mediator.Profile(2, "Europe/London", DrillTone.Off);
        await _game.RunAsync(sp => ActivatorUtilities.CreateInstance<UserCheckedInHandler>(sp).Handle(new UserCheckedIn(new UserId(2), Start), CancellationToken.None));

        _game.Clock.Advance(TimeSpan.FromMinutes(5)); // 22:05 in London
        await RunJobAsync();

        _game.Mediator.Alerts.ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_WhenNoTradesOnSunday_SendsRoughDailyAndWeeklySummary()
    {
        _game.Mediator.Profile(3, "Asia/Tokyo");
        await _game.RunAsync(sp => ActivatorUtilities.CreateInstance<UserCheckedInHandler>(sp).Handle(new UserCheckedIn(new UserId(3), Start), CancellationToken.None));
        await CloseAsync(3, "W", TradeResult.Win, 1.2, Start); // Saturday 07:00 JST

        _game.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 8, 9, 5, 0, TimeSpan.Zero)); // Sunday 18:05 JST
        await RunJobAsync();

        _game.Mediator.Alerts.Select(a => a.DedupeKey).ShouldBe(["drill:3:2026-03-08", "drill-week:3:2026-03-08"]);
        _game.Mediator.Alerts.First().Html.ShouldContain("ROUGH");
        _game.Mediator.Alerts.Last().Html.ShouldContain("Trades: 1 (W 1 / L 0)");
    }

    [Fact]
    public async Task Run_WhenUserZoneUnknownToThisMachine_ReportsOnUtcTime()
    {
        _game.Mediator.Profile(4, "Not/A_Zone");
        _game.Mediator.Profile(5, "UTC");
        foreach (var user in new long[] { 4, 5 })
        {
            await _game.RunAsync(sp => ActivatorUtilities.CreateInstance<UserCheckedInHandler>(sp).Handle(new UserCheckedIn(new UserId(user), Start), CancellationToken.None));
        }

        await RunJobAsync(); // 22:00 UTC: both past 18:00 (the unknown zone falls back to UTC)

        _game.Mediator.Alerts.Select(a => a.UserId.Value).Order().ShouldBe([4L, 5L]);
    }

    [Fact]
    public async Task Run_WhenQueueingFailsForOneUser_ReportsTheOthersAndRetriesThatUserNextRun()
    {
        foreach (var user in new long[] { 6, 7 })
        {
            _game.Mediator.Profile(user, "UTC");
            await _game.RunAsync(sp => ActivatorUtilities.CreateInstance<UserCheckedInHandler>(sp).Handle(new UserCheckedIn(new UserId(user), Start), CancellationToken.None));
        }

        _game.Mediator.FailAlertsFor[6] = true;
        (await RunJobAsync()).ShouldBe(1);
        _game.Mediator.Alerts.ShouldHaveSingleItem().UserId.Value.ShouldBe(7);

        _game.Mediator.FailAlertsFor.Clear();
        _game.Clock.Advance(TimeSpan.FromMinutes(5));
        (await RunJobAsync()).ShouldBe(1);
        _game.Mediator.Alerts.Select(a => a.DedupeKey).ShouldBe(["drill:7:2026-03-06", "drill:6:2026-03-06"]);
    }

    public void Dispose() => _game.Dispose();
}
