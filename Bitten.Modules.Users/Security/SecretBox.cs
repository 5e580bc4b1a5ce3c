using System.Security.Cryptography;

namespace Bitten.Modules.Users.Security;

/// <summary>
/// AES-256-GCM for secrets stored reversibly: <c>nonce (12) ‖ tag (16) ‖ ciphertext</c>, a fresh random nonce per seal,
/// optional associated data binding the ciphertext to its purpose. Tampering or a wrong key throws on open.
/// </summary>
internal sealed class SecretBox(byte[] key)
{
    public const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key = key.Length == KeySize ? key : throw new ArgumentException("AES-256-GCM needs a 32-byte key.", nameof(key));

    public byte[] Seal(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData = default)
    {
        var sealedBytes = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), associatedData);
        return sealedBytes;
    }

    public byte[] Open(ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> associatedData = default)
    {
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The sealed value is too short to be AES-GCM output.");
        }

        var plaintext = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(sealedBytes[..NonceSize], sealedBytes[(NonceSize + TagSize)..], sealedBytes.Slice(NonceSize, TagSize), plaintext, associatedData);
        return plaintext;
    }
}
