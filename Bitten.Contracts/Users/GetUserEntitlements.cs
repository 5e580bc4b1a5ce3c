using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Users;

/// <summary>Asks the Users module what <paramref name="UserId"/>'s tier allows; null when the user is unknown.</summary>
public sealed record GetUserEntitlements(UserId UserId) : IRequest<UserEntitlements?>;
