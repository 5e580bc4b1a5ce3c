using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Bitten.Modules.Users.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Users.Tests.Security;

public sealed class SecretBoxTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    [Fact]
    public void Seal_WhenOpenedWithTheSameKeyAndPurpose_GivesThePlaintextBackAndNeverTheSameBytesTwice()
    {
        var box = new SecretBox(Key);

        var first = box.Seal("broker password"u8, "ea"u8);
        var second = box.Seal("broker password"u8, "ea"u8);

        Encoding.UTF8.GetString(box.Open(first, "ea"u8)).ShouldBe("broker password");
        first.ShouldNotBe(second, "a fresh nonce per seal");
        Encoding.UTF8.GetString(first).ShouldNotContain("broker password");
    }

    [Fact]
    public void Open_WhenTamperedWrongKeyOrOtherPurpose_Throws()
    {
        var box = new SecretBox(Key);
        var sealedBytes = box.Seal("secret"u8, "ea"u8);
        var tampered = (byte[])sealedBytes.Clone();
        tampered[^1] ^= 1;
        var otherKey = new SecretBox([.. Key.Select(b => (byte)(b + 1))]);

        Should.Throw<CryptographicException>(() => box.Open(tampered, "ea"u8));
        Should.Throw<CryptographicException>(() => otherKey.Open(sealedBytes, "ea"u8));
        Should.Throw<CryptographicException>(() => box.Open(sealedBytes, "other"u8));
        Should.Throw<CryptographicException>(() => box.Open(new byte[10]));
    }

    [Fact]
    public void KeyRing_WhenEncryptedThenDecrypted_RoundTripsWithoutThePlainKeyOnDisk()
    {
        var key = new XElement("key", new XElement("masterKey", "c2VjcmV0LWtleS1tYXRlcmlhbA=="));
        var info = new KeyRingEncryptor(new SecretBox(Key)).Encrypt(key);
        using var services = new ServiceCollection()
            .AddSingleton(Options.Create(new SecurityOptions { EncryptionKey = Convert.ToBase64String(Key) }))
            .BuildServiceProvider();

        var decrypted = new KeyRingDecryptor(services).Decrypt(info.EncryptedElement);

        info.EncryptedElement.ToString().ShouldNotContain("c2VjcmV0LWtleS1tYXRlcmlhbA==");
        info.DecryptorType.ShouldBe(typeof(KeyRingDecryptor));
        decrypted.ToString().ShouldBe(key.ToString());
    }

    [Theory]
    [InlineData("not base64!", false)]
    [InlineData("AAAA", false)]
    [InlineData("", true)]
    [InlineData("AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=", true)]
    public void Options_WhenKeyIsNotThirtyTwoBytes_FailValidationNamingTheKey(string key, bool valid)
    {
        var results = new SecurityOptions { EncryptionKey = key }.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(new object())).ToList();

        results.Count.ShouldBe(valid ? 0 : 1);
        if (!valid)
        {
            results[0].ErrorMessage!.ShouldContain("Security:EncryptionKey");
        }
    }
}
