namespace Bitten.Modules.Users.Accounts;

/// <summary>A terminal's Expert Advisor linked to a user. Only a salted hash of its token is kept.</summary>
internal sealed class LinkedEaRecord
{
    public long Id { get; set; }

    public string EaId { get; set; } = string.Empty;

    public long UserId { get; set; }

    public byte[] TokenSalt { get; set; } = [];

    public byte[] TokenHash { get; set; } = [];

    public string Label { get; set; } = string.Empty;

    public bool IsDefault { get; set; }

    public long CreatedAtMs { get; set; }

    public long? TokenRotatedAtMs { get; set; }
}
