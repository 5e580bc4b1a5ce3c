using Bitten.Contracts.Signals;
using Bitten.Modules.Execution.Registry;
using MediatR;

namespace Bitten.Modules.Execution.Integration;

/// <summary>Stores an EA's symbol specs (canonical → broker symbol, tick value/size, volume limits). Replaces the previous set; idempotent.</summary>
internal sealed class EaSymbolsReportedHandler(EaRegistry registry, ExecutionMetrics metrics) : INotificationHandler<EaSymbolsReported>
{
    public async Task Handle(EaSymbolsReported notification, CancellationToken cancellationToken)
    {
        if (!await registry.SymbolsAsync(notification, cancellationToken))
        {
            metrics.Rejected("unknown_ea");
        }
    }
}
