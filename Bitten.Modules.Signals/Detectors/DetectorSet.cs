namespace Bitten.Modules.Signals.Detectors;

/// <summary>The six detectors in a fixed order (the order candidates are considered in when several fire).</summary>
internal static class DetectorSet
{
    public static IReadOnlyList<IDetector> All { get; } =
    [
        new LiquiditySweepReversal(),
        new OrderBlockBounce(),
        new FairValueGapFill(),
        new VolatilityCompressionBreakout(),
        new MomentumBurst(),
        new BollingerScalp(),
    ];
}
