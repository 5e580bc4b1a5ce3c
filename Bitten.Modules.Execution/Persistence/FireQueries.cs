using System.Text.Json;
using Bitten.Modules.Execution.Fires;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Execution.Persistence;

/// <summary>
/// Fires by id in one statement whose text never changes with the number of ids (a JSON array parameter read by
/// SQLite's json_each). EF Core 10 expands <c>ids.Contains(...)</c> into one parameter per id, so every new batch
/// size meant a new SQL text, a new query compilation and new JIT work on the hot confirmation path.
/// </summary>
internal static class FireQueries
{
    public static Task<Dictionary<string, FireRecord>> FiresByIdAsync(this ExecutionDbContext db, IReadOnlyCollection<string> ids, bool tracked, CancellationToken ct)
    {
        var query = db.Fires.FromSqlRaw("SELECT * FROM fires WHERE fire_id IN (SELECT value FROM json_each({0}))", JsonSerializer.Serialize(ids));
        return (tracked ? query : query.AsNoTracking()).ToDictionaryAsync(f => f.FireId, StringComparer.Ordinal, ct);
    }
}
