using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Bitten.Modules.Execution.Fires;

/// <summary>
/// The group commit of filled confirmations in plain prepared SQLite statements (no change tracking, three statements
/// prepared once per batch and re-bound per fire): the compare-and-set of the fire's status, its timeline row and its
/// outbox row, all in the caller's transaction.
/// </summary>
internal sealed class FillWriter : IDisposable
{
    private readonly SqliteCommand _update;
    private readonly SqliteCommand _event;
    private readonly SqliteCommand _outbox;

    public FillWriter(SqliteConnection connection, DbTransaction transaction, long nowMs)
    {
        _update = Command(connection, transaction, """
            UPDATE fires SET status = 3, filled_at_ms = $now, fill_price = $price, filled_volume = $volume, position = $position
            WHERE fire_id = $id AND status IN (1, 2, 7)
            """, "$now", "$price", "$volume", "$position", "$id");
        _event = Command(connection, transaction, "INSERT INTO fire_events (fire_id, status, at_ms, detail) VALUES ($id, 3, $now, $detail)", "$id", "$now", "$detail");
        _outbox = Command(connection, transaction, "UPDATE outbox SET done_at_ms = $now WHERE fire_id = $id AND done_at_ms IS NULL", "$now", "$id");
        _update.Parameters["$now"].Value = nowMs;
        _event.Parameters["$now"].Value = nowMs;
        _outbox.Parameters["$now"].Value = nowMs;
    }

    /// <summary>Moves one fire to FILLED if it is still pending; false when another writer (or a repeat) got there first.</summary>
    public async Task<bool> FillAsync(string fireId, decimal price, decimal volume, long position, string detail, CancellationToken ct)
    {
        _update.Parameters["$id"].Value = fireId;
        _update.Parameters["$price"].Value = price;
        _update.Parameters["$volume"].Value = volume;
        _update.Parameters["$position"].Value = position;
        if (await _update.ExecuteNonQueryAsync(ct) != 1)
        {
            return false;
        }

        _event.Parameters["$id"].Value = fireId;
        _event.Parameters["$detail"].Value = detail;
        await _event.ExecuteNonQueryAsync(ct);
        _outbox.Parameters["$id"].Value = fireId;
        await _outbox.ExecuteNonQueryAsync(ct);
        return true;
    }

    public void Dispose()
    {
        _update.Dispose();
        _event.Dispose();
        _outbox.Dispose();
    }

    private static SqliteCommand Command(SqliteConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }
}
