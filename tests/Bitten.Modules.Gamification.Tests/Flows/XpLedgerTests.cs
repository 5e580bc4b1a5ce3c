using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Gamification;
using Bitten.Modules.Gamification.Integration;
using Bitten.Modules.Gamification.Shop;
using Bitten.Modules.Gamification.Tests.Fakes;
using Bitten.Modules.Gamification.Xp;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Gamification.Tests.Flows;

public sealed class XpLedgerTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private readonly GameHarness _game = new(Start);

    [Fact]
    public async Task FireFilled_WhenReplayed_AwardsXpOnce()
    {
        var fill = Facts.Filled(1, "F1", Start);

        await _game.RunAsync(sp => ActivatorUtilities.CreateInstance<FireFilledHandler>(sp).Handle(fill, CancellationToken.None));
        await _game.RunAsync(sp => ActivatorUtilities.CreateInstance<FireFilledHandler>(sp).Handle(fill, CancellationToken.None));

        var fireAwards = _game.Mediator.Published.OfType<XpAwarded>().Where(x => x.Reason == "fire_filled").ToList();
        fireAwards.Count.ShouldBe(1);
        fireAwards[0].Amount.ShouldBe(10);
        // +10 for the fill, +25 for the FIRST_FIRE Bronze achievement; nothing more on the replay.
        (await _game.BalanceAsync(1)).ShouldBe(35);
    }

    [Fact]
    public async Task FireFilled_WhenTheSameFactArrivesTwiceAtOnce_AwardsXpOnce()
    {
        var fill = Facts.Filled(2, "F9", Start);
        using var ready = new Barrier(2);

        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => _game.RunAsync(sp =>
        {
            ready.SignalAndWait();
            return ActivatorUtilities.CreateInstance<FireFilledHandler>(sp).Handle(fill, CancellationToken.None);
        }))));

        (await _game.BalanceAsync(2)).ShouldBe(35);
        _game.Mediator.Published.OfType<XpAwarded>().Count(x => x.AwardKey == "fire:F9").ShouldBe(1);
    }

    [Fact]
    public async Task TradeClosed_WhenWinAt3Point4R_Awards25Plus5PerFullRAboveOneOnce()
    {
        var close = Facts.Closed(1, "F1", TradeResult.Win, 3.4, Start);

        for (var i = 0; i < 2; i++)
        {
            await _game.RunAsync(sp => ActivatorUtilities.CreateInstance<TradeClosedHandler>(sp).Handle(close, CancellationToken.None));
        }

        _game.Mediator.Published.OfType<XpAwarded>().Where(x => x.Reason == "win").Select(x => x.Amount).ShouldBe([35]);
    }

    [Fact]
    public async Task TradeClosed_WhenLossAtOriginalStop_AwardsDisciplineXp_AndLossElsewhereNothing()
    {
        await _game.RunAsync(sp => ActivatorUtilities.CreateInstance<TradeClosedHandler>(sp)
            .Handle(Facts.Closed(1, "F1", TradeResult.Loss, -1, Start, atOriginalStop: true), CancellationToken.None));
        await _game.RunAsync(sp => ActivatorUtilities.CreateInstance<TradeClosedHandler>(sp)
            .Handle(Facts.Closed(1, "F2", TradeResult.Loss, -0.6, Start, atOriginalStop: false), CancellationToken.None));

        (await _game.BalanceAsync(1)).ShouldBe(5);
    }

    [Fact]
    public async Task TradeClosed_WhenTenWinsInARow_UnlocksSharpshooterOnce()
    {
        for (var i = 0; i < 11; i++)
        {
            var close = Facts.Closed(1, $"F{i}", TradeResult.Win, 1.0, Start.AddMinutes(i));
            await _game.RunAsync(sp => ActivatorUtilities.CreateInstance<TradeClosedHandler>(sp).Handle(close, CancellationToken.None));
        }

        _game.Mediator.Published.OfType<XpAwarded>().Count(x => x.AwardKey.StartsWith("ach:1:SHARPSHOOTER", StringComparison.Ordinal)).ShouldBe(1);
        _game.Mediator.Published.OfType<XpAwarded>().Count(x => x.AwardKey == "ach:1:WINS:Silver").ShouldBe(1);
    }

    [Fact]
    public async Task Shop_WhenTwoPurchasesRaceForOneBalance_ExactlyOneSucceedsAndBalanceIsZero()
    {
        // 1,500 XP and two 1,500-XP themes: different items, so only the balance can stop the second.
        await _game.RunAsync(sp => sp.GetRequiredService<XpLedger>().AwardAsync(new UserId(8), 1_500, "test", "seed:8", null, CancellationToken.None));
        using var ready = new Barrier(2);

        var outcomes = await Task.WhenAll(
            Task.Run(() => _game.RunAsync(sp => { ready.SignalAndWait(); return sp.GetRequiredService<ShopService>().BuyAsync(new UserId(8), "hud-theme-night-ops", CancellationToken.None); })),
            Task.Run(() => _game.RunAsync(sp => { ready.SignalAndWait(); return sp.GetRequiredService<ShopService>().BuyAsync(new UserId(8), "hud-theme-desert", CancellationToken.None); })));

        outcomes.Count(o => o == PurchaseOutcome.Bought).ShouldBe(1);
        outcomes.Count(o => o == PurchaseOutcome.InsufficientXp).ShouldBe(1);
        (await _game.BalanceAsync(8)).ShouldBe(0);
    }

    [Fact]
    public async Task Shop_WhenItemAlreadyOwnedOrUnknown_SaysSoAndChargesNothing()
    {
        await _game.RunAsync(sp => sp.GetRequiredService<XpLedger>().AwardAsync(new UserId(9), 2_000, "test", "seed:9", null, CancellationToken.None));

        var first = await _game.RunAsync(sp => sp.GetRequiredService<ShopService>().BuyAsync(new UserId(9), "badge-sniper", CancellationToken.None));
        var again = await _game.RunAsync(sp => sp.GetRequiredService<ShopService>().BuyAsync(new UserId(9), "badge-sniper", CancellationToken.None));
        var unknown = await _game.RunAsync(sp => sp.GetRequiredService<ShopService>().BuyAsync(new UserId(9), "double-risk", CancellationToken.None));

        (first, again, unknown).ShouldBe((PurchaseOutcome.Bought, PurchaseOutcome.AlreadyOwned, PurchaseOutcome.UnknownItem));
        (await _game.BalanceAsync(9)).ShouldBe(1_500);
    }

    public void Dispose() => _game.Dispose();
}
