using Bitten.Contracts.Common;
using Bitten.Modules.Execution.Bitmode;

namespace Bitten.Modules.Execution.Tests.Bitmode;

/// <summary>The BITMODE state machine alone: a BUY filled at 1.10000 with its stop at 1.09800 (1 R = 0.00200), 0.10 lots.</summary>
public sealed class ExitRulesTests
{
    private const long Timeout = 5_000;
    private static readonly ExitSettings Settings = new(Timeout, MaxAttempts: 3);

    [Fact]
    public void Step_WhenPriceBelowOneR_SendsNothing()
    {
        var plan = Armed();

        var step = ExitRules.Step(plan, Buy(price: 1.10199m), Settings);

        step.ShouldBe(ExitStep.None);
        plan.Stage.ShouldBe(ExitStage.Armed);
    }

    [Fact]
    public void Step_WhenOneRReached_SendsHalfTheVolumeOnceWithAStableCommandId()
    {
        var plan = Armed();

        var first = ExitRules.Step(plan, Buy(price: 1.10200m, now: 1_000), Settings);
        var again = ExitRules.Step(plan, Buy(price: 1.10300m, now: 2_000), Settings);
        var later = ExitRules.Step(plan, Buy(price: 1.10300m, now: 1_000 + Timeout + 1, observedVolume: null), Settings);

        first.Send.ShouldBe(new ExitCommand(ExitCommandKind.PartialClose, "F1.p", 0.05m, null));
        plan.Stage.ShouldBe(ExitStage.PartialPending);
        plan.CommandSentAtMs.ShouldBe(1_000);
        again.Send.ShouldBeNull("one partial close in flight; nothing proves it undone");
        later.Send.ShouldBeNull("after the timeout, still no heartbeat showing the full volume: no second close");
    }

    [Fact]
    public void Step_WhenSellReachesOneR_ClosesHalf()
    {
        var plan = Armed(stop: 1.10200m);
        var inputs = Buy(price: 1.09800m) with { Side = Side.Sell, OriginalStop = 1.10200m };

        ExitRules.Step(plan, inputs, Settings).Send!.Kind.ShouldBe(ExitCommandKind.PartialClose);
    }

    [Fact]
    public void Step_WhenTheVolumeCannotBeSplit_MovesTheStopToEntryInstead()
    {
        var plan = Armed();

        var step = ExitRules.Step(plan, Buy(price: 1.10200m) with { FilledVolume = 0.01m }, Settings);

        step.Send.ShouldBe(new ExitCommand(ExitCommandKind.Modify, "F1.b", null, 1.10000m));
        plan.Stage.ShouldBe(ExitStage.BreakevenPending);
    }

    [Fact]
    public void Step_WhenTheUserAlreadyClosedPartOfThePosition_OnlyMovesTheStop()
    {
        var plan = Armed();

        var step = ExitRules.Step(plan, Buy(price: 1.10200m) with { RemainingVolume = 0.06m }, Settings);

        step.Send.ShouldBe(new ExitCommand(ExitCommandKind.Modify, "F1.b", null, 1.10000m));
        plan.PartialVolume.ShouldBe(0m);
    }

    [Fact]
    public void Step_WhenTheCloseReportArrives_MovesTheStopToEntry()
    {
        var plan = Armed();
        ExitRules.Step(plan, Buy(price: 1.10200m, now: 1_000), Settings);

        var step = ExitRules.Step(plan, Buy(price: 1.10200m, now: 1_500) with { RemainingVolume = 0.05m }, Settings);

        step.Send.ShouldBe(new ExitCommand(ExitCommandKind.Modify, "F1.b", null, 1.10000m));
        plan.Stage.ShouldBe(ExitStage.BreakevenPending);
    }

    [Fact]
    public void Step_WhenAHeartbeatAfterTheSendShowsHalfTheVolume_CountsThePartialAsDone()
    {
        var plan = Armed();
        ExitRules.Step(plan, Buy(price: 1.10200m, now: 1_000), Settings);

        var stale = ExitRules.Step(plan, Buy(price: 1.10200m, now: 1_200, observedVolume: 0.05m, observedAt: 900), Settings);
        var fresh = ExitRules.Step(plan, Buy(price: 1.10200m, now: 1_300, observedVolume: 0.05m, observedAt: 1_100), Settings);

        stale.ShouldBe(ExitStep.None, "a heartbeat from before the send proves nothing");
        fresh.Send!.Kind.ShouldBe(ExitCommandKind.Modify);
    }

    [Fact]
    public void Step_WhenAHeartbeatWellAfterTheSendStillShowsTheFullVolume_SendsTheSameCloseAgain()
    {
        var plan = Armed();
        ExitRules.Step(plan, Buy(price: 1.10200m, now: 1_000), Settings);

        var early = ExitRules.Step(plan, Buy(price: 1.10200m, now: 1_000 + Timeout, observedVolume: 0.10m, observedAt: 2_000), Settings);
        var proven = ExitRules.Step(plan, Buy(price: 1.10200m, now: 1_000 + Timeout + 10, observedVolume: 0.10m, observedAt: 1_000 + Timeout), Settings);

        early.Send.ShouldBeNull("the heartbeat may have been written before the terminal executed the close");
        proven.Send.ShouldBe(new ExitCommand(ExitCommandKind.PartialClose, "F1.p", 0.05m, null));
        plan.Attempts.ShouldBe(2);
    }

    [Fact]
    public void Step_WhenTheTerminalIsUnreachable_HoldsTheCommandUntilItIs()
    {
        var plan = Armed();

        var held = ExitRules.Step(plan, Buy(price: 1.10200m, canSend: false), Settings);
        var sent = ExitRules.Step(plan, Buy(price: 1.10200m, now: 3_000), Settings);

        held.Send.ShouldBeNull();
        held.Changed.ShouldBeTrue();
        plan.Stage.ShouldBe(ExitStage.PartialPending);
        sent.Send!.CommandId.ShouldBe("F1.p");
        plan.CommandSentAtMs.ShouldBe(3_000);
    }

    [Fact]
    public void Step_WhenTheHeartbeatShowsTheStopAtEntry_StartsTrailing()
    {
        var plan = AtBreakevenPending(sentAt: 1_000);

        var before = ExitRules.Step(plan, Buy(price: 1.10200m, now: 1_100, observedStop: 1.09800m, observedAt: 1_050), Settings);
        var after = ExitRules.Step(plan, Buy(price: 1.10200m, now: 1_200, observedStop: 1.10000m, observedAt: 1_150), Settings);

        before.Changed.ShouldBeFalse();
        after.Changed.ShouldBeTrue();
        plan.Stage.ShouldBe(ExitStage.Trailing);
        plan.Stop.ShouldBe(1.10000m);
        plan.CommandId.ShouldBeNull();
    }

    [Fact]
    public void Step_WhenTheStopMoveIsNotSeen_ResendsItThenGivesUp()
    {
        var plan = AtBreakevenPending(sentAt: 1_000);

        var retry = ExitRules.Step(plan, Buy(price: 1.10200m, now: 1_000 + Timeout), Settings);
        ExitRules.Step(plan, Buy(price: 1.10200m, now: 1_000 + (2 * Timeout)), Settings);
        var gaveUp = ExitRules.Step(plan, Buy(price: 1.10200m, now: 1_000 + (3 * Timeout)), Settings);

        retry.Send.ShouldBe(new ExitCommand(ExitCommandKind.Modify, "F1.b", null, 1.10000m));
        gaveUp.Send.ShouldBeNull();
        plan.Stage.ShouldBe(ExitStage.GaveUp);
    }

    [Fact]
    public void Step_WhenTrailing_TightensByAtrAndNeverLoosens()
    {
        var plan = Trailing(stop: 1.10000m);

        var up = ExitRules.Step(plan, Buy(price: 1.10500m, atr: 0.00150m), Settings);
        plan.Stop = up.Send!.Stop!.Value; // acknowledged
        plan.CommandId = null;
        plan.CommandKind = ExitCommandKind.None;
        var down = ExitRules.Step(plan, Buy(price: 1.10400m, atr: 0.00150m), Settings);
        var tiny = ExitRules.Step(plan, Buy(price: 1.10505m, atr: 0.00150m), Settings);

        up.Send.ShouldBe(new ExitCommand(ExitCommandKind.Modify, "F1.t1", null, 1.10350m));
        down.ShouldBe(ExitStep.None, "a falling price never loosens the stop");
        tiny.ShouldBe(ExitStep.None, "steps smaller than 0.1 ATR are not worth a modify");
    }

    [Fact]
    public void Step_WhenTrailingASell_MovesTheStopDown()
    {
        var plan = Trailing(stop: 1.10000m);
        var inputs = Buy(price: 1.09500m, atr: 0.00150m) with { Side = Side.Sell, OriginalStop = 1.10200m };

        ExitRules.Step(plan, inputs, Settings).Send!.Stop.ShouldBe(1.09650m);
    }

    [Fact]
    public void Step_WhenTheTerminalAlreadyHoldsATighterStop_TrailsFromThatOne()
    {
        var plan = Trailing(stop: 1.10000m);

        var step = ExitRules.Step(plan, Buy(price: 1.10500m, atr: 0.00150m, observedStop: 1.10360m, observedAt: 1), Settings);

        step.ShouldBe(ExitStep.None, "1.10350 would loosen the 1.10360 the terminal holds");
    }

    [Fact]
    public void Step_WhenATrailStepIsNeverConfirmed_DropsItAndKeepsTrailing()
    {
        var plan = Trailing(stop: 1.10000m);
        ExitRules.Step(plan, Buy(price: 1.10500m, atr: 0.00150m, now: 1_000), Settings);
        for (var i = 1; i <= 3; i++)
        {
            ExitRules.Step(plan, Buy(price: 1.10500m, atr: 0.00150m, now: 1_000 + (i * Timeout)), Settings);
        }

        plan.Stage.ShouldBe(ExitStage.Trailing);
        plan.CommandId.ShouldBeNull();
        plan.Stop.ShouldBe(1.10000m);
    }

    private static ExitPlanRecord Armed(decimal stop = 1.09800m) => new() { FireId = "F1", Stage = ExitStage.Armed, Stop = stop };

    private static ExitPlanRecord Trailing(decimal stop) => new() { FireId = "F1", Stage = ExitStage.Trailing, Stop = stop, PartialVolume = 0.05m };

    private static ExitPlanRecord AtBreakevenPending(long sentAt) => new()
    {
        FireId = "F1", Stage = ExitStage.BreakevenPending, Stop = 1.09800m, PartialVolume = 0.05m,
        CommandId = "F1.b", CommandKind = ExitCommandKind.Modify, CommandStop = 1.10000m, CommandSentAtMs = sentAt, Attempts = 1,
    };

    private static ExitInputs Buy(decimal? price, long now = 1_000, decimal? observedVolume = null, decimal? observedStop = null, long observedAt = 0, decimal? atr = null, bool canSend = true) =>
        new("F1", Side.Buy, 1.10000m, 1.09800m, 1.10400m, 0.10m, null, price, atr, observedVolume, observedStop, observedAt, 0.01m, 0.01m, 0.00001m, 0, canSend, now);
}
