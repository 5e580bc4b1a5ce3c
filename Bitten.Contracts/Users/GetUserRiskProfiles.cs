using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Users;

/// <summary>The risk profiles of many users in one request (one query); unknown users are simply missing from the answer.</summary>
public sealed record GetUserRiskProfiles(IReadOnlyCollection<UserId> UserIds) : IRequest<IReadOnlyList<UserRiskProfile>>;
