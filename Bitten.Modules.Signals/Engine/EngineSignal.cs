using Bitten.Contracts.Common;
using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Detectors;
using Bitten.Modules.Signals.Scoring;

namespace Bitten.Modules.Signals.Engine;

/// <summary>A signal the engine decided to publish, with everything the store, the wire and the HUD need.</summary>
internal sealed record EngineSignal(
    string SignalId,
    int SymbolIndex,
    string Symbol,
    DetectorCandidate Candidate,
    double PipSize,
    int Digits,
    double Tcs,
    IReadOnlyList<ScoreComponent> Context,
    ShieldResult Shield,
    double WinProbability,
    string? ModelVersion,
    double ExpectedValueR,
    double Threshold,
    TradingSession Session,
    string SignalClass,
    long BarOpenMs,
    long CreatedMs,
    long ExpiresMs,
    long TriggerReceivedTicks,
    IReadOnlyDictionary<string, double> Features)
{
    public Side Side => Candidate.Side;

    public double StopPips => Math.Abs(Candidate.Entry - Candidate.StopLoss) / PipSize;

    public double TargetPips => Math.Abs(Candidate.TakeProfit - Candidate.Entry) / PipSize;
}
