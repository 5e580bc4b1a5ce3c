using Bitten.Contracts.Common;

namespace Bitten.Contracts.Users;

/// <summary>The answer to <see cref="ValidateEaCredentials"/>: valid, and if so whose EA it is.</summary>
/// <param name="Valid">True when the pair matches a linked EA of an active user.</param>
/// <param name="Owner">The owner when valid.</param>
/// <param name="IsDefault">True when this EA is its owner's default fire target.</param>
public sealed record EaCredentialsValidation(bool Valid, UserId? Owner, bool IsDefault)
{
    public static EaCredentialsValidation Invalid { get; } = new(false, null, false);
}
