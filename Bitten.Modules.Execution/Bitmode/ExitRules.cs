using System.Globalization;
using Bitten.Contracts.Common;

namespace Bitten.Modules.Execution.Bitmode;

/// <summary>
/// The BITMODE exit as a pure state machine (DOMAIN §9): at 1 R close 50 % and move the stop to entry, then trail the
/// rest by 1 × ATR(14) M5. One command is in flight at a time and is acknowledged only by what the terminal reports:
/// a partial close by its close report or a heartbeat with the smaller volume, a modify by a heartbeat with the new stop.
/// A modify is absolute, so it is simply re-sent after the timeout; a partial close is re-sent only when a heartbeat that
/// arrived at least the timeout after the send still shows the full volume, so neither a lost report nor a restart
/// closes twice. The trail only tightens.
/// </summary>
internal static class ExitRules
{
    private const decimal Epsilon = 0.000_000_01m;

    public static ExitStep Step(ExitPlanRecord plan, ExitInputs x, ExitSettings settings)
    {
        var r = Math.Abs(x.FillPrice - x.OriginalStop);
        if (r <= 0 || x.FilledVolume <= 0)
        {
            return ExitStep.None;
        }

        return plan.Stage switch
        {
            ExitStage.Armed => Armed(plan, x, r, settings),
            ExitStage.PartialPending => PartialPending(plan, x, settings),
            ExitStage.BreakevenPending or ExitStage.Trailing when plan.CommandKind == ExitCommandKind.Modify => ModifyPending(plan, x, settings),
            ExitStage.Trailing => Trail(plan, x, settings),
            _ => ExitStep.None,
        };
    }

    private static ExitStep Armed(ExitPlanRecord plan, ExitInputs x, decimal r, ExitSettings settings)
    {
        if (x.ExitPrice is not { } price || Sign(x.Side) * (price - x.FillPrice) < r)
        {
            return ExitStep.None;
        }

        var step = x.VolumeStep > 0 ? x.VolumeStep : 0.01m;
        var min = x.VolumeMin > 0 ? x.VolumeMin : step;
        var partial = Math.Floor(x.FilledVolume * settings.PartialFraction / step) * step;
        var untouched = x.RemainingVolume is not { } left || left >= x.FilledVolume - Epsilon; // already partly closed (by the user): only the stop moves
        if (untouched && partial >= min && x.FilledVolume - partial >= min)
        {
            plan.PartialVolume = partial;
            plan.Stage = ExitStage.PartialPending;
            var close = Issue(plan, x, ExitCommandKind.PartialClose, x.FireId + ".p", null);
            return new(true, close, $"BITMODE: 1 R reached at {Text(price)}; closing {Text(partial)} of {Text(x.FilledVolume)} lots");
        }

        plan.PartialVolume = 0;
        plan.Stage = ExitStage.BreakevenPending;
        var modify = Issue(plan, x, ExitCommandKind.Modify, x.FireId + ".b", x.FillPrice);
        var why = untouched ? $"{Text(x.FilledVolume)} lots cannot be split (minimum {Text(min)})" : $"the position was already partly closed ({Text(x.RemainingVolume!.Value)} lots open)";
        return new(true, modify, $"BITMODE: 1 R reached at {Text(price)}; {why}, moving the stop to entry {Text(x.FillPrice)}");
    }

    private static ExitStep PartialPending(ExitPlanRecord plan, ExitInputs x, ExitSettings settings)
    {
        var reported = x.RemainingVolume is { } remaining && remaining <= x.FilledVolume - plan.PartialVolume + Epsilon;
        var seen = x.ObservedVolume is { } volume && plan.CommandSentAtMs is { } sent && x.ObservedAtMs >= sent && volume <= x.FilledVolume - plan.PartialVolume + Epsilon;
        if (reported || seen)
        {
            plan.Stage = ExitStage.BreakevenPending;
            var modify = Issue(plan, x, ExitCommandKind.Modify, x.FireId + ".b", x.FillPrice);
            return new(true, modify, $"BITMODE: partial close done ({(reported ? "close report" : "terminal's heartbeat")}); moving the stop to entry {Text(x.FillPrice)}");
        }

        if (plan.CommandSentAtMs is not { } sentAt)
        {
            return SendWhenReachable(plan, x);
        }

        // Re-send only on proof that the first did nothing: a heartbeat from well after the send with the full volume.
        var provenUndone = x.ObservedVolume is { } full && full >= x.FilledVolume - Epsilon && x.ObservedAtMs >= sentAt + settings.AckTimeoutMs;
        if (x.NowMs - sentAt < settings.AckTimeoutMs || !provenUndone)
        {
            return ExitStep.None;
        }

        return Retry(plan, x, settings, "partial close");
    }

    private static ExitStep ModifyPending(ExitPlanRecord plan, ExitInputs x, ExitSettings settings)
    {
        var target = plan.CommandStop!.Value;
        var tolerance = (x.Point > 0 ? x.Point : Epsilon) / 2;
        if (x.ObservedStop is { } stop && plan.CommandSentAtMs is { } sent && x.ObservedAtMs >= sent && Sign(x.Side) * (stop - target) >= -tolerance)
        {
            var breakeven = plan.Stage == ExitStage.BreakevenPending;
            plan.Stop = target;
            plan.Stage = ExitStage.Trailing;
            Clear(plan);
            return new(true, null, breakeven ? $"BITMODE: stop at entry {Text(target)} confirmed; trailing by ATR" : $"BITMODE: trailing stop {Text(target)} confirmed");
        }

        if (plan.CommandSentAtMs is not { } sentAt)
        {
            return SendWhenReachable(plan, x);
        }

        if (x.NowMs - sentAt < settings.AckTimeoutMs)
        {
            return ExitStep.None;
        }

        if (plan.Attempts >= settings.MaxAttempts && plan.Stage == ExitStage.Trailing)
        {
            var dropped = plan.CommandStop;
            Clear(plan); // a trail step the terminal would not take: keep the known stop, trail again from there
            return new(true, null, $"BITMODE: trailing stop {Text(dropped!.Value)} not confirmed after {settings.MaxAttempts} attempts; keeping {Text(plan.Stop)}");
        }

        return Retry(plan, x, settings, "stop move");
    }

    private static ExitStep Trail(ExitPlanRecord plan, ExitInputs x, ExitSettings settings)
    {
        if (x.ExitPrice is not { } price || x.Atr is not { } atr || atr <= 0)
        {
            return ExitStep.None;
        }

        var sign = Sign(x.Side);
        var point = x.Point > 0 ? x.Point : Epsilon;
        var raw = price - sign * atr * settings.TrailAtr;
        var candidate = sign > 0 ? Math.Floor(raw / point) * point : Math.Ceiling(raw / point) * point;
        var basis = x.ObservedStop is { } observed && sign * (observed - plan.Stop) > 0 ? observed : plan.Stop;
        var minStep = Math.Max(point, atr * settings.TrailMinStepAtr);
        var room = sign * (price - candidate);
        if (sign * (candidate - basis) < minStep || room < x.StopsLevelPoints * point)
        {
            return ExitStep.None;
        }

        plan.Trails++;
        var modify = Issue(plan, x, ExitCommandKind.Modify, $"{x.FireId}.t{plan.Trails.ToString(CultureInfo.InvariantCulture)}", candidate);
        return new(true, modify, $"BITMODE: trailing the stop from {Text(basis)} to {Text(candidate)} (price {Text(price)}, ATR {Text(atr)})");
    }

    private static ExitStep SendWhenReachable(ExitPlanRecord plan, ExitInputs x)
    {
        if (!x.CanSend)
        {
            return ExitStep.None;
        }

        plan.CommandSentAtMs = x.NowMs;
        plan.Attempts++;
        plan.UpdatedAtMs = x.NowMs;
        return new(true, Current(plan), null);
    }

    private static ExitStep Retry(ExitPlanRecord plan, ExitInputs x, ExitSettings settings, string what)
    {
        if (plan.Attempts >= settings.MaxAttempts)
        {
            plan.Stage = ExitStage.GaveUp;
            var id = plan.CommandId;
            Clear(plan);
            return new(true, null, $"BITMODE: {what} {id} not acknowledged after {settings.MaxAttempts} attempts; BITMODE stops for this fire");
        }

        if (!x.CanSend)
        {
            return ExitStep.None;
        }

        plan.CommandSentAtMs = x.NowMs;
        plan.Attempts++;
        plan.UpdatedAtMs = x.NowMs;
        return new(true, Current(plan), $"BITMODE: {what} {plan.CommandId} not acknowledged; sent again (attempt {plan.Attempts})");
    }

    private static ExitCommand? Issue(ExitPlanRecord plan, ExitInputs x, ExitCommandKind kind, string commandId, decimal? stop)
    {
        plan.CommandId = commandId;
        plan.CommandKind = kind;
        plan.CommandStop = stop;
        plan.Attempts = 0;
        plan.CommandSentAtMs = null;
        plan.UpdatedAtMs = x.NowMs;
        if (x.CanSend)
        {
            plan.CommandSentAtMs = x.NowMs;
            plan.Attempts = 1;
        }

        return x.CanSend ? Current(plan) : null;
    }

    private static ExitCommand Current(ExitPlanRecord plan) =>
        new(plan.CommandKind, plan.CommandId!, plan.CommandKind == ExitCommandKind.PartialClose ? plan.PartialVolume : null, plan.CommandStop);

    private static void Clear(ExitPlanRecord plan)
    {
        plan.CommandId = null;
        plan.CommandKind = ExitCommandKind.None;
        plan.CommandStop = null;
        plan.CommandSentAtMs = null;
        plan.Attempts = 0;
    }

    private static int Sign(Side side) => side == Side.Sell ? -1 : 1;

    private static string Text(decimal value) => value.ToString("0.#########", CultureInfo.InvariantCulture);
}
