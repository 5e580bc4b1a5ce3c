using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Users;

/// <summary>Asks the Users module who linked the EA <paramref name="EaId"/>; null when no active user did.</summary>
public sealed record GetEaOwner(string EaId) : IRequest<UserId?>;
