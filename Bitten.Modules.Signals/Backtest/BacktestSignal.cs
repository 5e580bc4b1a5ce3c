using Bitten.Contracts.Common;
using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Engine;

namespace Bitten.Modules.Signals.Backtest;

/// <summary>A signal the replayed engine published, with its virtual outcome once resolved (null while open).</summary>
internal sealed class BacktestSignal(EngineSignal signal)
{
    public EngineSignal Signal { get; } = signal;

    public SignalOutcome Outcome { get; set; }

    public double R { get; set; }

    public double ResultPips { get; set; }

    public double MfePips { get; set; }

    public double MaePips { get; set; }

    public long ResolvedMs { get; set; } = long.MinValue;

    public bool Resolved => Outcome != SignalOutcome.Unknown;

    public string Id => Signal.SignalId;

    public long CreatedMs => Signal.CreatedMs;

    public Side Side => Signal.Side;
}
