using Bitten.Contracts.Execution;

namespace Bitten.Modules.Execution.Wire;

/// <summary>The fields of a <c>close_report</c> (PROTOCOL); <paramref name="Net"/> is profit + commission + swap.</summary>
internal sealed record EaCloseReport(long? Position, decimal ClosePrice, decimal Net, CloseReason Reason, long? TsMs);
