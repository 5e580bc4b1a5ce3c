using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Users.Security;

/// <summary>Seals each Data Protection key (the secret that signs bearer tokens) with <see cref="SecretBox"/> before it is written to disk.</summary>
internal sealed class KeyRingEncryptor(SecretBox box) : IXmlEncryptor
{
    internal static readonly byte[] Purpose = "BITTEN data-protection key"u8.ToArray();

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var element = new XElement("encryptedKey",
            new XComment(" AES-256-GCM under Security:EncryptionKey "),
            new XElement("value", Convert.ToBase64String(box.Seal(plain, Purpose))));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }
}

/// <summary>Opens keys sealed by <see cref="KeyRingEncryptor"/>; created by Data Protection through its IServiceProvider constructor.</summary>
internal sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var options = services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        if (!options.Enabled)
        {
            throw new InvalidOperationException("The session key ring is encrypted but Security:EncryptionKey is not set; set the key it was written with.");
        }

        var sealedBytes = Convert.FromBase64String(encryptedElement.Element("value")?.Value ?? string.Empty);
        return XElement.Parse(Encoding.UTF8.GetString(new SecretBox(options.KeyBytes()).Open(sealedBytes, KeyRingEncryptor.Purpose)));
    }
}
