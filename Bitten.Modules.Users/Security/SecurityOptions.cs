using System.ComponentModel.DataAnnotations;

namespace Bitten.Modules.Users.Security;

/// <summary>Encryption at rest (section <c>Security</c>). The key is a secret: it is never logged.</summary>
internal sealed class SecurityOptions : IValidatableObject
{
    public const string SectionName = "Security";

    /// <summary>
    /// Base64 of 32 random bytes (<c>openssl rand -base64 32</c>). When set, secrets BITTEN stores reversibly — the
    /// Data Protection key ring that signs session tokens (<c>data/keys</c>) — are sealed with AES-256-GCM under it.
    /// Empty: stored as plain XML (development default). Losing it signs every user out.
    /// </summary>
    public string? EncryptionKey { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(EncryptionKey);

    public byte[] KeyBytes() => Convert.FromBase64String(EncryptionKey!);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        byte[]? key = null;
        try
        {
            key = Convert.FromBase64String(EncryptionKey!);
        }
        catch (FormatException)
        {
        }

        if (key is not { Length: SecretBox.KeySize })
        {
            yield return new ValidationResult("Security:EncryptionKey must be the base64 of exactly 32 random bytes (e.g. `openssl rand -base64 32`).", [nameof(EncryptionKey)]);
        }
    }
}
