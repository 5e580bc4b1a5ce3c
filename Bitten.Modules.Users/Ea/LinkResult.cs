namespace Bitten.Modules.Users.Ea;

/// <summary>Either issued credentials or a message the user can act on.</summary>
internal sealed record LinkResult(IssuedEaCredentials? Credentials, string? Error)
{
    public static LinkResult Ok(IssuedEaCredentials credentials) => new(credentials, null);

    public static LinkResult Fail(string error) => new(null, error);
}
