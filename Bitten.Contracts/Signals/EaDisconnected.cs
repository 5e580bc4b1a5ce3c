using MediatR;

namespace Bitten.Contracts.Signals;

/// <summary>An EA said goodbye on the feed socket (PROTOCOL <c>disconnect</c>).</summary>
public sealed record EaDisconnected(string EaId, string? Reason, DateTimeOffset ReceivedAt) : INotification;
