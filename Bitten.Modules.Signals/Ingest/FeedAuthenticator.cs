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
/// so a wrong token cannot make every message a database lookup.
/// </summary>
internal sealed class FeedAuthenticator(IServiceScopeFactory scopes, SignalsOptions options, TimeProvider time)
{
    private static readonly TimeSpan ValidFor = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RejectedFor = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.Ordinal);
    private readonly HashSet<string> _feedSources = new(options.FeedSources, StringComparer.Ordinal);

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
        _cache[id] = new Entry(secret, valid, now + (valid ? ValidFor : RejectedFor));
        return valid;
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
