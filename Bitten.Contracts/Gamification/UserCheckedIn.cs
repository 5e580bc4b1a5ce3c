using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Gamification;

/// <summary>The user opened the HUD or talked to the bot (a streak day in their time zone).</summary>
public sealed record UserCheckedIn(UserId UserId, DateTimeOffset At) : INotification;
