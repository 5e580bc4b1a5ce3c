using Bitten.Contracts.Common;
using Bitten.Contracts.Gamification;
using Bitten.Modules.Gamification.Integration;
using Bitten.Modules.Gamification.Progress;
using Bitten.Modules.Gamification.Referrals;
using Bitten.Modules.Gamification.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Gamification.Tests.Flows;

public sealed class ReferralTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private readonly GameHarness _game = new(Now);

    private Task<ReferralOutcome> ReferAsync(long referrer, long recruit, DateTimeOffset at) =>
        _game.RunAsync(sp => sp.GetRequiredService<ReferralService>().RecordAsync(new UserId(referrer), new UserId(recruit), at, CancellationToken.None));

    [Fact]
    public async Task Refer_WhenMoreThanTenInOneReferrerDay_CountsTenAndTheNextDayMore()
    {
        var outcomes = new List<ReferralOutcome>();
        for (var recruit = 100; recruit < 112; recruit++)
        {
            outcomes.Add(await ReferAsync(1, recruit, Now.AddMinutes(recruit)));
        }

        outcomes.Count(o => o == ReferralOutcome.Counted).ShouldBe(10);
        outcomes.Skip(10).ShouldAllBe(o => o == ReferralOutcome.DailyLimit);
        (await _game.BalanceAsync(1)).ShouldBe(1_000);

        (await ReferAsync(1, 110, Now.AddDays(1))).ShouldBe(ReferralOutcome.Counted);
    }

    [Fact]
    public async Task Refer_WhenSelfOrRecruitAlreadyTakenOrReplayed_AwardsOnlyTheFirst()
    {
        (await ReferAsync(1, 1, Now)).ShouldBe(ReferralOutcome.SelfReferral);
        (await ReferAsync(1, 50, Now)).ShouldBe(ReferralOutcome.Counted);
        await _game.RunAsync(sp => ActivatorUtilities.CreateInstance<UserReferredHandler>(sp)
            .Handle(new UserReferred(new UserId(1), new UserId(50), Now), CancellationToken.None)); // the same fact again
        (await ReferAsync(2, 50, Now)).ShouldBe(ReferralOutcome.RecruitTaken);

        (await _game.BalanceAsync(1)).ShouldBe(100);
        (await _game.BalanceAsync(2)).ShouldBe(0);
    }

    [Fact]
    public async Task RecruitFirstFire_WhenFilledTwice_AwardsReferrer50Once()
    {
        await ReferAsync(1, 50, Now);
        for (var i = 0; i < 2; i++)
        {
            await _game.RunAsync(sp => ActivatorUtilities.CreateInstance<FireFilledHandler>(sp).Handle(Facts.Filled(50, $"F{i}", Now), CancellationToken.None));
        }

        (await _game.BalanceAsync(1)).ShouldBe(150);
    }

    [Fact]
    public async Task Progress_WhenFiveRecruits_ShowsSquadLeader()
    {
        for (var recruit = 10; recruit < 15; recruit++)
        {
            await ReferAsync(1, recruit, Now);
        }

        var progress = await _game.RunAsync(sp => sp.GetRequiredService<ProgressService>().GetAsync(new UserId(1), CancellationToken.None));

        progress.Recruits.ShouldBe(5);
        progress.SquadRank.ShouldBe("SQUAD_LEADER");
        progress.Rank.ShouldBe("CORPORAL"); // 5 × 100 join XP = 500 earned
    }

    public void Dispose() => _game.Dispose();
}
