using Bitten.Modules.Execution.Fires;
using Bitten.Modules.Execution.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Execution.Tests.Persistence;

/// <summary>
/// The group commit's UPDATE must be driven by the batch (one primary-key lookup per fill). With the status index SQLite
/// scanned every pending fire and probed the batch's JSON for each — quadratic, 55 confirmations/s with 20,000 SENT fires.
/// </summary>
public sealed class FillWriterPlanTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new("execution-fill-plan");

    [Fact]
    public void GroupCommitUpdate_OnTheMigratedSchema_LooksFiresUpByPrimaryKeyFromTheBatch()
    {
        var path = _directory.Combine("plan.db");
        using (var db = new ExecutionDbContext(SchemaSnapshot.Options<ExecutionDbContext>(path)))
        {
            db.Database.Migrate();
        }

        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + FillWriter.UpdateSql;
        explain.Parameters.AddWithValue("$now", 0L);
        explain.Parameters.AddWithValue("$fills", "[]");
        var plan = new List<string>();
        using (var reader = explain.ExecuteReader())
        {
            while (reader.Read())
            {
                plan.Add(reader.GetString(3));
            }
        }

        plan.ShouldContain(p => p.StartsWith("SCAN json_each", StringComparison.Ordinal), string.Join(" | ", plan));
        plan.ShouldContain(p => p.StartsWith("SEARCH fires USING INDEX sqlite_autoindex_fires_1 (fire_id=?)", StringComparison.Ordinal), string.Join(" | ", plan));
        plan.ShouldNotContain(p => p.Contains("ix_fires_status", StringComparison.Ordinal), string.Join(" | ", plan));
    }

    public void Dispose() => _directory.Dispose();
}
