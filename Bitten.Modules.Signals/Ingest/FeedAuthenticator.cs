using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Bitten.Contracts.Users;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Signals.Ingest;

/// <summary>
/// Checks <c>ea_id</c>/<c>ea_token</c> on every feed message. Validated pairs are cached for a minute and
/// compared in constant time without allocating; a miss asks Users (<see cref="ValidateEaCredentials"/>)
/// or, when the Users module is off, the configured feed credentials. Rejections are cached briefly too,
/// so a wrong token cannot make every message a database lookup. The cache holds at most <see cref="MaxCached"/>
/// entries (expired ones are swept when it is full, at most once a second): a peer sending messages under ever new
/// <c>ea_id</c>s cannot grow it without limit — beyond the cap, rejections are simply not remembered.
/// </summary>
internal sealed class FeedAuthenticator(IServiceScopeFactory scopes, SignalsOptions options, TimeProvider time)
{
    private static readonly TimeSpan ValidFor = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RejectedFor = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.Ordinal);
    private readonly HashSet<string> _feedSources = new(options.FeedSources, StringComparer.Ordinal);
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    internal const int MaxCached = 10_000;

    /// <summary>Entries held (for tests and the admin memory diagnostics).</summary>
    public int CachedCount => _cache.Count;

    public bool IsFeedSource(ReadOnlySpan<char> eaId) =>
        _feedSources.Count == 0 ? options.FeedCredentials.Count > 0 && options.FeedCredentials.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(eaId)
            : _feedSources.GetAlternateLookup<ReadOnlySpan<char>>().Contains(eaId);

    public bool Check(ReadOnlySpan<char> eaId, ReadOnlySpan<char> token)
    {
        var now = time.GetUtcNow();
        if (_cache.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(eaId, out var entry) && entry.Until > now)
        {
            var same = entry.Token.Length == token.Length &&
                CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(entry.Token.AsSpan()), MemoryMarshal.AsBytes(token));
            if (same)
            {
                return entry.Valid;
            }
        }

        var id = eaId.ToString();
        var secret = token.ToString();
        var valid = Validate(id, secret);
        if (_cache.Count >= MaxCached && !_cache.ContainsKey(id))
        {
            SweepExpired(now);
            if (_cache.Count >= MaxCached && !valid)
            {
                return false; // full of recent rejections: a flood of made-up ids is not remembered
            }
        }

        _cache[id] = new Entry(secret, valid, now + (valid ? ValidFor : RejectedFor));
        return valid;
    }

    /// <summary>Runs on the single ingest thread; at most once a second, so a flood cannot make every message a full scan.</summary>
    private void SweepExpired(DateTimeOffset now)
    {
        if (now - _lastSweep < TimeSpan.FromSeconds(1))
        {
            return;
        }

        _lastSweep = now;
        foreach (var (key, entry) in _cache)
        {
            if (entry.Until <= now)
            {
                _cache.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }
    }

    private bool Validate(string eaId, string token)
    {
        if (options.FeedCredentials.TryGetValue(eaId, out var configured))
        {
            return CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(configured), System.Text.Encoding.UTF8.GetBytes(token));
        }

        using var scope = scopes.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        try
        {
            // Runs on the ingest thread, which is dedicated: blocking on a cache miss is acceptable.
            return mediator.Send(new ValidateEaCredentials(eaId, token)).GetAwaiter().GetResult().Valid;
        }
        catch (InvalidOperationException)
        {
            return false; // no handler: the Users module is off and the EA is not in FeedCredentials
        }
    }

    private sealed record Entry(string Token, bool Valid, DateTimeOffset Until);
}
