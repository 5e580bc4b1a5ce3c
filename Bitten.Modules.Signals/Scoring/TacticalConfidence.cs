using Bitten.Contracts.Signals;

namespace Bitten.Modules.Signals.Scoring;

/// <summary>
/// TCS (DOMAIN §5–6): the detector's pattern score plus context bonuses — M15 structure aligned +8,
/// against −8; LONDON or OVERLAP +4, ASIAN −4 (0 for JPY, AUD and NZD pairs) — clamped to 0–100.
/// </summary>
internal static class TacticalConfidence
{
    public static (double Tcs, IReadOnlyList<ScoreComponent> Context) Score(double patternScore, int m15Alignment, TradingSession session, bool sessionNeutral)
    {
        var context = new List<ScoreComponent>(2);
        if (m15Alignment > 0)
        {
            context.Add(new("m15_aligned", 8, "aligned with M15 structure"));
        }
        else if (m15Alignment < 0)
        {
            context.Add(new("m15_against", -8, "against M15 structure"));
        }

        var sign = Market.TradingCalendar.SessionSign(session, sessionNeutral);
        if (sign != 0)
        {
            context.Add(sign > 0 ? new("session", 4, $"{session} session") : new("session", -4, "ASIAN session"));
        }

        return (Math.Clamp(patternScore + context.Sum(c => c.Points), 0, 100), context);
    }

    /// <summary>RAPID when reward:risk &lt; 1.8, SNIPER otherwise.</summary>
    public static string SignalClass(double rewardRisk) => rewardRisk < 1.8 ? "RAPID" : "SNIPER";

    /// <summary>Expected value in R: p × RR − (1 − p).</summary>
    public static double ExpectedValueR(double winProbability, double rewardRisk) => (winProbability * rewardRisk) - (1 - winProbability);

    /// <summary>Before a model exists: the pattern's realised win rate shrunk toward 0.5 by a Beta(5,5) prior.</summary>
    public static double PriorWinProbability(int wins, int losses) => (wins + 5.0) / (wins + losses + 10.0);
}
