using System.Collections.Concurrent;
using Bitten.Contracts.Common;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Users.Ea;

/// <summary>
/// Recently validated EA credentials, so the per-message check of every EA report costs one HMAC and
/// no database round trip. Keyed by ea_id; holds the validated token's hash (never the token).
/// Unlink and rotate evict the entry at once.
/// </summary>
internal sealed class EaCredentialCache(TimeProvider time, IOptions<UsersOptions> options)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public bool TryValidate(string eaId, string token, out UserId owner, out bool isDefault)
    {
        owner = default;
        isDefault = false;
        if (!_entries.TryGetValue(eaId, out var entry))
        {
            return false;
        }

        if (time.GetUtcNow() >= entry.ExpiresAt)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(eaId, entry));
            return false;
        }

        if (!EaTokenHasher.Matches(entry.Salt, entry.Hash, token))
        {
            return false;
        }

        owner = entry.Owner;
        isDefault = entry.IsDefault;
        return true;
    }

    public void Remember(string eaId, byte[] salt, byte[] hash, UserId owner, bool isDefault)
    {
        var ttl = options.Value.EaCredentialCacheTtl;
        if (ttl <= TimeSpan.Zero)
        {
            return;
        }

        _entries[eaId] = new Entry(salt, hash, owner, isDefault, time.GetUtcNow() + ttl);
    }

    public void Forget(string eaId) => _entries.TryRemove(eaId, out _);

    public void ForgetOwner(UserId owner)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.Owner == owner)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    public int Count => _entries.Count;

    private sealed record Entry(byte[] Salt, byte[] Hash, UserId Owner, bool IsDefault, DateTimeOffset ExpiresAt);
}
