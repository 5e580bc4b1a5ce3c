using Bitten.Contracts.Users;
using Bitten.Modules.Execution.Fires;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Execution.Wire;

/// <summary>Checks an ea_id/ea_token pair with the Users module (which caches and compares in constant time). No Users module → nobody is valid.</summary>
internal sealed class EaAuthenticator(IServiceScopeFactory scopes)
{
    public async Task<EaCredentialsValidation> CheckAsync(string? eaId, string? eaToken, CancellationToken cancellationToken)
    {
        if (!Contracts.Common.EaId.IsValid(eaId) || string.IsNullOrEmpty(eaToken))
        {
            return EaCredentialsValidation.Invalid;
        }

        await using var scope = scopes.CreateAsyncScope();
        var (_, result) = await scope.ServiceProvider.GetRequiredService<IMediator>().TrySend(new ValidateEaCredentials(eaId!, eaToken), cancellationToken);
        return result is { Valid: true, Owner: not null } ? result : EaCredentialsValidation.Invalid;
    }
}
