namespace Bitten.Modules.Signals.Detectors;

/// <summary>A pattern detector: a pure function of the context, at most one candidate per bar.</summary>
internal interface IDetector
{
    string Pattern { get; }

    DetectorCandidate? Detect(DetectorContext context, DetectorSettings settings);
}

/// <summary>Detector parameters shared by all patterns (DOMAIN §5).</summary>
internal sealed record DetectorSettings(double RiskReward = 1.5, double StopBufferAtr = 0.1, double MinStopAtr = 1.0, double MinRewardRisk = 1.0);
