using Bitten.Contracts.Signals;
using Bitten.Modules.Missions.Creation;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Missions.Integration;

/// <summary>A published signal becomes one mission per eligible user. Never throws into the publisher's loop.</summary>
internal sealed class SignalPublishedHandler(MissionFanOut fanOut, ILogger<SignalPublishedHandler> logger) : INotificationHandler<SignalPublished>
{
    public async Task Handle(SignalPublished notification, CancellationToken cancellationToken)
    {
        try
        {
            await fanOut.CreateAsync(notification, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.FanOutFailed(logger, notification.SignalId.Value, ex);
        }
    }
}
