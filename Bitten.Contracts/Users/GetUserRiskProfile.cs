using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Users;

/// <summary>Asks for <paramref name="UserId"/>'s risk profile; null when the user is unknown.</summary>
public sealed record GetUserRiskProfile(UserId UserId) : IRequest<UserRiskProfile?>;
