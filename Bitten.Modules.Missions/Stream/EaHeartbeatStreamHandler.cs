using Bitten.Contracts.Common;
using Bitten.Contracts.Signals;
using Bitten.Contracts.Users;
using Bitten.Modules.Missions.Messaging;
using MediatR;

namespace Bitten.Modules.Missions.Stream;

/// <summary>
/// An EA's heartbeat → its owner's open streams get <c>event: positions</c> (balance, equity, each open position
/// with its P/L in account currency); the symbols held feed the periodic <c>price</c> events.
/// </summary>
internal sealed class EaHeartbeatStreamHandler(MissionStreamHub hub, OpenPositionBook book, Requests requests) : INotificationHandler<EaHeartbeatReceived>
{
    public async Task Handle(EaHeartbeatReceived n, CancellationToken cancellationToken)
    {
        if (!book.TryGetOwner(n.EaId, out var owner))
        {
            (_, owner) = await requests.TrySendAsync<GetEaOwner, UserId?>(new GetEaOwner(n.EaId), cancellationToken);
            book.RememberOwner(n.EaId, owner);
        }

        if (owner is not { } user)
        {
            return;
        }

        book.SetOpenSymbols(user, n.EaId, [.. n.Positions.Select(p => p.Symbol).Distinct(StringComparer.Ordinal)]);
        if (!hub.HasClients(user.Value))
        {
            return;
        }

        hub.PublishTransient(user.Value, "positions", new
        {
            ea_id = n.EaId,
            currency = n.Currency,
            balance = n.Balance,
            equity = n.Equity,
            profit = n.Positions.Sum(p => p.Profit),
            positions = n.Positions.Select(p => new
            {
                position = p.Position,
                fire_id = string.IsNullOrEmpty(p.FireId) ? null : p.FireId,
                symbol = p.Symbol,
                side = p.Side.ToString().ToUpperInvariant(),
                volume = p.Volume,
                open_price = p.OpenPrice,
                sl = p.StopLoss,
                tp = p.TakeProfit,
                profit = p.Profit,
            }),
            ts_ms = n.SourceTsMs,
        });
    }
}
