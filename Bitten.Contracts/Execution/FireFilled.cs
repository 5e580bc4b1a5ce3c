using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Execution;

/// <summary>The EA confirmed the fill: the position exists at the broker.</summary>
public sealed record FireFilled(
    FireId FireId,
    MissionId MissionId,
    UserId UserId,
    SignalId SignalId,
    string EaId,
    string Symbol,
    Side Side,
    decimal Price,
    decimal Volume,
    decimal StopLoss,
    decimal TakeProfit,
    long Position,
    DateTimeOffset FilledAt,
    DateTimeOffset RecordedAt) : INotification;
