using Bitten.Contracts.Common;

namespace Bitten.Modules.Execution.Bitmode;

/// <summary>
/// What one BITMODE step sees: the fire's own facts, the market (exit-side price and ATR, either may be unknown), the
/// terminal's last report of the position (and when it arrived), the symbol's volume rules and whether a command can
/// reach the terminal now.
/// </summary>
internal sealed record ExitInputs(
    string FireId,
    Side Side,
    decimal FillPrice,
    decimal OriginalStop,
    decimal TakeProfit,
    decimal FilledVolume,
    decimal? RemainingVolume,
    decimal? ExitPrice,
    decimal? Atr,
    decimal? ObservedVolume,
    decimal? ObservedStop,
    long ObservedAtMs,
    decimal VolumeStep,
    decimal VolumeMin,
    decimal Point,
    int StopsLevelPoints,
    bool CanSend,
    long NowMs);

/// <summary>The rule's numbers (DOMAIN §9: 50 % at 1 R, trail 1 × ATR) and the acknowledgement policy.</summary>
internal sealed record ExitSettings(long AckTimeoutMs, int MaxAttempts, decimal PartialFraction = 0.5m, decimal TrailAtr = 1m, decimal TrailMinStepAtr = 0.1m);

/// <summary>A command to hand to the router: a partial close (<see cref="Volume"/>) or a modify (<see cref="Stop"/>, the fire's own target kept).</summary>
internal sealed record ExitCommand(ExitCommandKind Kind, string CommandId, decimal? Volume, decimal? Stop);

/// <summary>The outcome of one step: whether the plan changed (persist it), a command to send, a line for the fire's timeline.</summary>
internal sealed record ExitStep(bool Changed, ExitCommand? Send, string? Timeline)
{
    public static ExitStep None { get; } = new(false, null, null);
}
