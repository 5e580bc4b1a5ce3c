namespace Bitten.Modules.Users.Auth;

/// <summary>A one-time login code for the bot's <c>/login</c>; only its SHA-256 is stored.</summary>
internal sealed class LoginCodeRecord
{
    public string CodeHash { get; set; } = string.Empty;

    public long UserId { get; set; }

    public long CreatedAtMs { get; set; }

    public long ExpiresAtMs { get; set; }

    public long? UsedAtMs { get; set; }
}
