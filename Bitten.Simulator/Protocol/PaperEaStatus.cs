namespace Bitten.Simulator.Protocol;

/// <summary>What the paper EA reports on <c>/healthz</c>.</summary>
internal sealed record PaperEaStatus(bool Started, bool CommandsConnected, bool HelloAcknowledged, long SimulatedTimeMs, long TicksSent, long TicksDropped, int OpenPositions, decimal Balance, decimal Equity);
