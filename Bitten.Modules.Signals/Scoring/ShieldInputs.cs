using Bitten.Contracts.Signals;

namespace Bitten.Modules.Signals.Scoring;

/// <summary>What CITADEL looks at for one candidate (DOMAIN §6), measured by the engine at the signal bar.</summary>
internal readonly record struct ShieldInputs(
    int M15Alignment,
    bool LiquiditySweptInFavour,
    bool EntryNearOpposingPool,
    double AtrPercentile,
    TradingSession Session,
    bool SessionNeutral,
    double SpreadToMedian,
    double RewardRisk);
