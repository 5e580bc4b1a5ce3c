using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Gamification;

/// <summary>
/// A new user joined through a referrer's <c>/start &lt;code&gt;</c> link (the Users module publishes it).
/// Gamification awards the referrer and counts squad ranks; it may arrive twice.
/// </summary>
public sealed record UserReferred(UserId Referrer, UserId Recruit, DateTimeOffset At) : INotification;
