using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Missions;

/// <summary>A mission moved from one state to another (by compare-and-set); the HUD stream shows it live.</summary>
public sealed record MissionStateChanged(
    MissionId MissionId,
    UserId UserId,
    MissionStatus From,
    MissionStatus To,
    string? Reason,
    FireId? FireId,
    DateTimeOffset ChangedAt) : INotification;
