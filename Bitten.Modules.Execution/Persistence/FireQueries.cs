using System.Text.Json;
using Bitten.Modules.Execution.Fires;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Execution.Persistence;

/// <summary>
/// Fires by id in one statement whose text never changes with the number of ids (a JSON array parameter read by
/// SQLite's json_each). EF Core 10 expands <c>ids.Contains(...)</c> into one parameter per id, so every new batch
/// size meant a new SQL text, a new query compilation and new JIT work on the hot confirmation path.
/// </summary>
/// <remarks>
/// Synchronous on purpose: Microsoft.Data.Sqlite executes synchronously whatever API is called, and the async
/// enumeration cost a task and a state-machine step per row on the report socket's loop (its only caller).
/// </remarks>
internal static class FireQueries
{
    public static Dictionary<string, FireRecord> FiresById(this ExecutionDbContext db, IReadOnlyCollection<string> ids)
    {
        var query = db.Fires.FromSqlRaw("SELECT * FROM fires WHERE fire_id IN (SELECT value FROM json_each({0}))", JsonSerializer.Serialize(ids));
        return query.AsNoTracking().ToDictionary(f => f.FireId, StringComparer.Ordinal);
    }
}
