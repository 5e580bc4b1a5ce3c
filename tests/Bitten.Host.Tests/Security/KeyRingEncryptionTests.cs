using System.Net;
using Bitten.Host.Tests.Infrastructure;

namespace Bitten.Host.Tests.Security;

/// <summary>The session key ring (what signs bearer tokens) is written sealed with AES-GCM when Security:EncryptionKey is set.</summary>
public sealed class KeyRingEncryptionTests : IDisposable
{
    private readonly BittenAppFactory _factory = new BittenAppFactory().WithTelegram()
        .WithSetting("Security:EncryptionKey", "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=");

    [Fact]
    public async Task SignIn_WhenAnEncryptionKeyIsConfigured_WritesOnlySealedKeysAndTokensStillWork()
    {
        using var client = await _factory.CreateClient().SignInAsync(991_001);

        using var me = await client.GetAsync(new Uri("/api/me", UriKind.Relative));

        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        var files = Directory.GetFiles(Path.Combine(_factory.DataDirectory, "keys"), "*.xml");
        files.ShouldNotBeEmpty();
        foreach (var file in files)
        {
            var xml = await File.ReadAllTextAsync(file);
            xml.ShouldContain("<encryptedKey");
            xml.ShouldNotContain("<masterKey");
        }
    }

    public void Dispose() => _factory.Dispose();
}
