using MediatR;

namespace Bitten.Contracts.Users;

/// <summary>
/// Checks an EA's <c>ea_id</c> and <c>ea_token</c> (PROTOCOL "Identity"). Called for every EA message,
/// so it answers from a short in-memory cache of validated pairs; the comparison is constant-time.
/// </summary>
public sealed record ValidateEaCredentials(string EaId, string EaToken) : IRequest<EaCredentialsValidation>;
