using Bitten.Contracts.Common;
using Bitten.Contracts.Gamification;
using Bitten.Modules.Gamification.Integration;
using Bitten.Modules.Gamification.Persistence;
using Bitten.Modules.Gamification.Tests.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Gamification.Tests.Flows;

public sealed class CheckInTests : IDisposable
{
    private readonly GameHarness _game = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private Task CheckInAsync(long user, DateTimeOffset at) =>
        _game.RunAsync(sp => ActivatorUtilities.CreateInstance<UserCheckedInHandler>(sp).Handle(new UserCheckedIn(new UserId(user), at), CancellationToken.None));

    private Task<int> StreakAsync(long user) =>
        _game.RunAsync(sp => sp.GetRequiredService<GamificationDbContext>().Users.Where(u => u.UserId == user).Select(u => u.StreakDays).SingleAsync());

    [Fact]
    public async Task CheckIn_WhenSevenLocalDaysAcrossDst_AwardsMultipliedXpAndDay7BonusAndStreakAchievement()
    {
        _game.Mediator.Profile(1, "America/New_York");
        // 08:30 New York each day from Thursday 5 to Wednesday 11 March 2026; DST starts on Sunday the 8th.
        for (var day = 5; day <= 11; day++)
        {
            var offset = day < 8 ? 5 : 4;
            await CheckInAsync(1, new DateTimeOffset(2026, 3, day, 8 + offset, 30, 0, TimeSpan.Zero));
        }

        (await StreakAsync(1)).ShouldBe(7);
        var checkIns = _game.Mediator.Published.OfType<XpAwarded>().Where(x => x.Reason == "checkin").Select(x => x.Amount).ToList();
        checkIns.ShouldBe([50, 50, 55, 55, 55, 55, 160]);
        _game.Mediator.Published.OfType<XpAwarded>().ShouldContain(x => x.AwardKey == "ach:1:STREAK:Bronze");
    }

    [Fact]
    public async Task CheckIn_WhenTwiceTheSameLocalDayAndReplayed_AwardsOnce()
    {
        _game.Mediator.Profile(2, "Asia/Tokyo");
        var at = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero); // 10:00 JST

        await CheckInAsync(2, at);
        await CheckInAsync(2, at);
        await CheckInAsync(2, at.AddHours(12)); // 22:00 JST, same day

        _game.Mediator.Published.OfType<XpAwarded>().Count(x => x.Reason == "checkin").ShouldBe(1);
        (await StreakAsync(2)).ShouldBe(1);
    }

    [Fact]
    public async Task CheckIn_WhenGapThenProtectionUsedThenGapAgain_ProtectsOnceThenResets()
    {
        _game.Mediator.Profile(3, "Europe/London");
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        await CheckInAsync(3, at);
        await CheckInAsync(3, at.AddDays(1));
        await CheckInAsync(3, at.AddDays(4)); // two days missed: protected
        (await StreakAsync(3)).ShouldBe(3);

        await CheckInAsync(3, at.AddDays(7)); // two missed again in March: reset
        (await StreakAsync(3)).ShouldBe(1);
    }

    [Fact]
    public async Task CheckIn_WhenUsersModuleKnowsNoProfile_CountsInUtc()
    {
        await CheckInAsync(4, new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero));
        await CheckInAsync(4, new DateTimeOffset(2026, 3, 3, 0, 30, 0, TimeSpan.Zero));

        (await StreakAsync(4)).ShouldBe(2);
    }

    public void Dispose() => _game.Dispose();
}
