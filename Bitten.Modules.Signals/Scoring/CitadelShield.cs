using System.Globalization;
using Bitten.Contracts.Signals;

namespace Bitten.Modules.Signals.Scoring;

/// <summary>
/// The CITADEL shield (DOMAIN §6): 5.0 plus components, each with its reason, clamped to 0–10, then a
/// class and size multiplier. It informs sizing and the user; it never filters a signal out.
/// </summary>
internal static class CitadelShield
{
    public const double Base = 5.0;

    public static ShieldResult Evaluate(in ShieldInputs inputs)
    {
        var components = new List<ScoreComponent>(7);
        if (inputs.M15Alignment > 0)
        {
            components.Add(new("m15_structure", 1.5, "M15 structure is aligned with the trade"));
        }
        else if (inputs.M15Alignment < 0)
        {
            components.Add(new("m15_structure", -1.0, "M15 structure opposes the trade"));
        }

        if (inputs.LiquiditySweptInFavour)
        {
            components.Add(new("liquidity_sweep", 2.0, "liquidity was swept in the trade's favour within the last 5 bars"));
        }

        if (inputs.EntryNearOpposingPool)
        {
            components.Add(new("opposing_liquidity", -1.5, "entry is within 0.5 ATR of untaken opposing liquidity"));
        }

        components.Add(inputs.AtrPercentile switch
        {
            > 90 => new("volatility", -1.0, Invariant($"ATR is in its {inputs.AtrPercentile:0}th percentile of 100 bars: unusually volatile")),
            < 10 => new("volatility", -0.5, Invariant($"ATR is in its {inputs.AtrPercentile:0}th percentile of 100 bars: unusually quiet")),
            _ => new("volatility", 0.5, Invariant($"ATR is in a normal range ({inputs.AtrPercentile:0}th percentile)")),
        });

        if (!inputs.SessionNeutral)
        {
            if (inputs.Session is TradingSession.London or TradingSession.Overlap)
            {
                components.Add(new("session", 0.5, $"{SessionName(inputs.Session)} session: deepest liquidity"));
            }
            else if (inputs.Session == TradingSession.Asian)
            {
                components.Add(new("session", -0.5, "ASIAN session: thin liquidity for this pair"));
            }
        }

        if (inputs.SpreadToMedian > 2)
        {
            components.Add(new("spread", -1.0, Invariant($"spread is {inputs.SpreadToMedian:0.0}× its 100-bar median")));
        }

        if (inputs.RewardRisk >= 2)
        {
            components.Add(new("reward_risk", 0.5, Invariant($"reward:risk {inputs.RewardRisk:0.00} ≥ 2")));
        }

        var score = Math.Clamp(Base + components.Sum(c => c.Points), 0, 10);
        var shieldClass = Classify(score);
        return new ShieldResult(Math.Round(score, 2), shieldClass, Multiplier(shieldClass), components);
    }

    public static ShieldClass Classify(double score) => score switch
    {
        >= 8.0 => ShieldClass.ShieldApproved,
        >= 6.0 => ShieldClass.ShieldActive,
        >= 4.0 => ShieldClass.VolatilityZone,
        _ => ShieldClass.Unverified,
    };

    public static decimal Multiplier(ShieldClass shieldClass) => shieldClass switch
    {
        ShieldClass.ShieldApproved => 1.5m,
        ShieldClass.ShieldActive => 1.0m,
        ShieldClass.VolatilityZone => 0.5m,
        _ => 0.25m,
    };

    /// <summary>The wire name (PROTOCOL signal message <c>shield_class</c>).</summary>
    public static string WireName(ShieldClass shieldClass) => shieldClass switch
    {
        ShieldClass.ShieldApproved => "SHIELD_APPROVED",
        ShieldClass.ShieldActive => "SHIELD_ACTIVE",
        ShieldClass.VolatilityZone => "VOLATILITY_ZONE",
        ShieldClass.Unverified => "UNVERIFIED",
        _ => "UNKNOWN",
    };

    private static string SessionName(TradingSession session) => session == TradingSession.London ? "LONDON" : "OVERLAP";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The shield's verdict: score, class, size multiplier and every component with its reason.</summary>
internal sealed record ShieldResult(double Score, ShieldClass Class, decimal SizeMultiplier, IReadOnlyList<ScoreComponent> Components);
