using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Gamification;
using Bitten.Modules.Gamification.Integration;
using Bitten.Modules.Gamification.Tests.Fakes;
using Bitten.Modules.Gamification.Xp;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Gamification.Tests.Flows;

public sealed class ProgressTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 4, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly GameHarness _game = new(Now);

    [Fact]
    public async Task GetUserProgress_WhenXpEarnedAndSomeSpent_RankAndSeasonUseEarnedXpBalanceUsesAll()
    {
        await _game.RunAsync(sp => sp.GetRequiredService<XpLedger>().AwardAsync(new UserId(1), 2_600, "test", "seed", null, CancellationToken.None));
        await _game.RunAsync(sp => sp.GetRequiredService<Shop.ShopService>().BuyAsync(new UserId(1), "badge-iron-discipline", CancellationToken.None));

        var progress = await _game.RunAsync(sp => ActivatorUtilities.CreateInstance<GetUserProgressHandler>(sp)
            .Handle(new GetUserProgress(new UserId(1)), CancellationToken.None));

        progress.Xp.ShouldBe(1_600);
        progress.Rank.ShouldBe("LIEUTENANT");
        progress.NextRankXp.ShouldBe(5_000);
        progress.SeasonLevel.ShouldBe(2); // season 2 started 2 April; 2,600 XP earned in it
        progress.Tactic.ShouldBe("LONE_WOLF");
    }

    [Fact]
    public async Task Award_WhenAnXpAwardedListenerThrows_KeepsTheAwardAndDoesNotFailTheFact()
    {
        _game.Mediator.OnPublish = (n, _) => n is XpAwarded ? throw new InvalidOperationException("HUD stream down") : Task.CompletedTask;

        await _game.RunAsync(sp => ActivatorUtilities.CreateInstance<FireFilledHandler>(sp).Handle(Facts.Filled(1, "F1", Now), CancellationToken.None));

        (await _game.BalanceAsync(1)).ShouldBe(35); // fill + FIRST_FIRE Bronze
    }

    [Fact]
    public async Task TradeClosed_WhenBreakeven_AwardsNothing()
    {
        await _game.RunAsync(sp => ActivatorUtilities.CreateInstance<TradeClosedHandler>(sp)
            .Handle(Facts.Closed(1, "F1", TradeResult.Breakeven, 0.01, Now), CancellationToken.None));

        (await _game.BalanceAsync(1)).ShouldBe(0);
    }

    public void Dispose() => _game.Dispose();
}
