using Bitten.Contracts.Common;

namespace Bitten.Contracts.Users;

/// <summary>A user's own risk settings.</summary>
/// <param name="UserId">The user.</param>
/// <param name="RiskPercent">Risk per trade, percent of balance (default 2); Missions caps it by the tier.</param>
/// <param name="AutoFireEnabled">The user opted in to auto-fire (effective only if the tier allows it).</param>
/// <param name="MinWinProbability">Auto-fire threshold on calibrated win probability (default 0.55).</param>
/// <param name="DrillTone">Tone of the daily drill report.</param>
/// <param name="TimeZone">IANA time zone id, e.g. <c>Europe/London</c>.</param>
public sealed record UserRiskProfile(
    UserId UserId,
    decimal RiskPercent,
    bool AutoFireEnabled,
    decimal MinWinProbability,
    DrillTone DrillTone,
    string TimeZone);
