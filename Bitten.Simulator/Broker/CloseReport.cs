using Bitten.Contracts.Execution;

namespace Bitten.Simulator.Broker;

/// <summary>A closed (or partly closed) paper position (PROTOCOL <c>close_report</c>).</summary>
internal sealed record CloseReport(string FireId, long Position, string Symbol, decimal ClosePrice, decimal Volume, decimal Profit, decimal Commission, decimal Swap, CloseReason Reason, long TsMs);
