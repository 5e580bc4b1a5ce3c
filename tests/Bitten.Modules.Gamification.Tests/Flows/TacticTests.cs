using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Gamification;
using Bitten.Modules.Gamification.Integration;
using Bitten.Modules.Gamification.Tactics;
using Bitten.Modules.Gamification.Tests.Fakes;
using Bitten.Modules.Gamification.Xp;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Gamification.Tests.Flows;

public sealed class TacticTests : IDisposable
{
    // 20:00 UTC on 2 March = 05:00 JST on 3 March.
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 20, 0, 0, TimeSpan.Zero);
    private readonly GameHarness _game = new(Now);

    public TacticTests() => _game.Mediator.Profile(1, "Asia/Tokyo");

    private Task<TacticCheck> CheckAsync(double tcs, Side side = Side.Buy) =>
        _game.RunAsync(sp => ActivatorUtilities.CreateInstance<CheckTacticHandler>(sp).Handle(new CheckTactic(new UserId(1), tcs, side, _game.Clock.GetUtcNow()), CancellationToken.None));

    private Task FillAsync(string id, DateTimeOffset at, Side side = Side.Buy) =>
        _game.RunAsync(sp => ActivatorUtilities.CreateInstance<FireFilledHandler>(sp).Handle(Facts.Filled(1, id, at, side), CancellationToken.None));

    private Task<(bool Ok, string? Problem)> ChooseAsync(string tactic) =>
        _game.RunAsync(sp => sp.GetRequiredService<TacticService>().ChooseAsync(new UserId(1), tactic, CancellationToken.None));

    [Fact]
    public async Task CheckTactic_WhenNoneChosen_DefaultsToLoneWolfAndCountsOnlyTodaysLocalFills()
    {
        // Three fills yesterday (Tokyo) do not count; four today do.
        for (var i = 0; i < 3; i++)
        {
            await FillAsync($"Y{i}", Now.AddHours(-6)); // 23:00 JST on the 2nd
        }

        (await CheckAsync(80)).ShouldBe(new TacticCheck(true, TacticRules.LoneWolf, null));
        for (var i = 0; i < 4; i++)
        {
            await FillAsync($"T{i}", Now.AddMinutes(i));
        }

        var refused = await CheckAsync(99);
        refused.Allowed.ShouldBeFalse();
        refused.Reason.ShouldNotBeNull().ShouldContain("4 fires");
    }

    [Fact]
    public async Task ChooseTactic_WhenLocked_IsRefusedWithTheXpNeeded()
    {
        var (ok, problem) = await ChooseAsync("DOUBLE_TAP");

        ok.ShouldBeFalse();
        problem.ShouldNotBeNull().ShouldContain("240 XP");
    }

    [Fact]
    public async Task ChooseTactic_WhenUnlocked_IsEnforcedAndOnlyOncePerLocalDay()
    {
        await _game.RunAsync(sp => sp.GetRequiredService<XpLedger>().AwardAsync(new UserId(1), 300, "test", "seed", null, CancellationToken.None));

        (await ChooseAsync("double_tap")).Ok.ShouldBeTrue();
        (await ChooseAsync("FIRST_BLOOD")).Problem.ShouldNotBeNull().ShouldContain("already chosen");

        await FillAsync("A", Now, Side.Sell);
        (await CheckAsync(90, Side.Buy)).Allowed.ShouldBeFalse();
        (await CheckAsync(90, Side.Sell)).ShouldBe(new TacticCheck(true, TacticRules.DoubleTap, null));

        // The next Tokyo day (midnight JST = 15:00 UTC on the 3rd) allows a new choice.
        _game.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 15, 0, 0, TimeSpan.Zero));
        (await ChooseAsync("FIRST_BLOOD")).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task CheckTactic_WhenFirstBloodHasTwoWinsToday_Stops()
    {
        await _game.RunAsync(sp => sp.GetRequiredService<XpLedger>().AwardAsync(new UserId(1), 120, "test", "seed", null, CancellationToken.None));
        (await ChooseAsync("FIRST_BLOOD")).Ok.ShouldBeTrue();
        await FillAsync("A", Now);
        await FillAsync("B", Now);
        foreach (var id in new[] { "A", "B" })
        {
            await _game.RunAsync(sp => ActivatorUtilities.CreateInstance<TradeClosedHandler>(sp)
                .Handle(Facts.Closed(1, id, TradeResult.Win, 1.5, Now.AddMinutes(30)), CancellationToken.None));
        }

        _game.Clock.Advance(TimeSpan.FromHours(1));
        var check = await CheckAsync(99);

        check.Allowed.ShouldBeFalse();
        check.Tactic.ShouldBe(TacticRules.FirstBlood);
    }

    public void Dispose() => _game.Dispose();
}
