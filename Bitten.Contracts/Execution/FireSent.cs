using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Execution;

/// <summary>The fire command left for the user's EA (ROUTER 5555).</summary>
public sealed record FireSent(FireId FireId, MissionId MissionId, UserId UserId, string EaId, DateTimeOffset SentAt, DateTimeOffset RecordedAt) : INotification;
