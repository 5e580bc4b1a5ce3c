using System.Collections.Concurrent;
using Bitten.Contracts.Common;

namespace Bitten.Modules.Missions.Stream;

/// <summary>
/// In memory only: which symbols each user has open (per EA, from the latest heartbeat) and who owns each EA
/// (asked of Users once a minute per EA). Feeds the stream's <c>price</c> events.
/// </summary>
internal sealed class OpenPositionBook(TimeProvider time)
{
    private static readonly TimeSpan OwnerTtl = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (UserId? Owner, DateTimeOffset Until)> _owners = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, ConcurrentDictionary<string, string[]>> _symbols = new();

    public bool TryGetOwner(string eaId, out UserId? owner)
    {
        if (_owners.TryGetValue(eaId, out var entry) && time.GetUtcNow() < entry.Until)
        {
            owner = entry.Owner;
            return true;
        }

        owner = null;
        return false;
    }

    public void RememberOwner(string eaId, UserId? owner) => _owners[eaId] = (owner, time.GetUtcNow() + OwnerTtl);

    public void SetOpenSymbols(UserId user, string eaId, string[] symbols)
    {
        var byEa = _symbols.GetOrAdd(user.Value, _ => new ConcurrentDictionary<string, string[]>(StringComparer.Ordinal));
        if (symbols.Length == 0)
        {
            byEa.TryRemove(eaId, out _);
        }
        else
        {
            byEa[eaId] = symbols;
        }
    }

    /// <summary>Entries held: EA owners cached, users with a symbol book (bounded by the EAs and users that exist).</summary>
    public (int Owners, int Users) Counts() => (_owners.Count, _symbols.Count);

    /// <summary>Users with at least one open symbol, with their distinct symbols.</summary>
    public IEnumerable<(long UserId, IReadOnlyCollection<string> Symbols)> Holdings()
    {
        foreach (var (user, byEa) in _symbols)
        {
            var symbols = byEa.Values.SelectMany(s => s).Distinct(StringComparer.Ordinal).ToList();
            if (symbols.Count > 0)
            {
                yield return (user, symbols);
            }
        }
    }
}
