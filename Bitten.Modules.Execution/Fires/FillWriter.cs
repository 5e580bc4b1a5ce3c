using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Bitten.Modules.Execution.Fires;

/// <summary>
/// The group commit of filled confirmations as three set-based SQLite statements per batch, whatever its size (no change
/// tracking, no statement per fire): the compare-and-set of every fire's status (<c>UPDATE … FROM json_each … RETURNING</c>
/// says which fires moved), their timeline rows, and the outbox rows of fires filled straight from QUEUED — all in the
/// caller's transaction. A statement per fire cost a parameter binder and a UTF-8 copy per bound value and SQLite's
/// per-statement work; the batch is one JSON text instead.
/// </summary>
internal static class FillWriter
{
    // The unary + keeps SQLite from answering "status IN (…)" with ix_fires_status and probing the JSON for every pending
    // fire (quadratic: 20,000 SENT fires × a batch); without it the plan is the batch's rows, each one primary-key lookup.
    internal const string UpdateSql = """
        UPDATE fires SET status = 3, filled_at_ms = $now, fill_price = j.price, filled_volume = j.volume, position = j.position
        FROM (SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.price') AS price, json_extract(value, '$.volume') AS volume,
                     json_extract(value, '$.position') AS position
              FROM json_each($fills)) AS j
        WHERE fires.fire_id = j.id AND +fires.status IN (1, 2, 7)
        RETURNING fires.fire_id
        """;

    private const string EventSql = """
        INSERT INTO fire_events (fire_id, status, at_ms, detail)
        SELECT json_extract(value, '$.id'), 3, $now, json_extract(value, '$.detail') FROM json_each($fills) ORDER BY key
        """;

    private const string OutboxSql = "UPDATE outbox SET done_at_ms = $now WHERE done_at_ms IS NULL AND fire_id IN (SELECT value FROM json_each($ids))";

    /// <summary>
    /// Moves each fire to FILLED if it is still pending (SQL decides: a fire another writer moved since it was read is left
    /// alone) and records a timeline row for each that moved. <paramref name="fills"/> holds at most one fill per fire.
    /// Returns the ids of the fires that moved.
    /// </summary>
    public static HashSet<string> Fill(SqliteConnection connection, SqliteTransaction transaction, long nowMs, IReadOnlyList<PendingFill> fills)
    {
        var moved = new HashSet<string>(StringComparer.Ordinal);
        if (fills.Count == 0)
        {
            return moved;
        }

        using (var update = Command(connection, transaction, UpdateSql, nowMs, "$fills", Json(fills, f => true, withDetail: false)))
        using (var reader = update.ExecuteReader())
        {
            while (reader.Read())
            {
                moved.Add(reader.GetString(0));
            }
        }

        if (moved.Count == 0)
        {
            return moved;
        }

        using (var events = Command(connection, transaction, EventSql, nowMs, "$fills", Json(fills, f => moved.Contains(f.FireId), withDetail: true)))
        {
            events.ExecuteNonQuery();
        }

        // Only a fire filled straight from QUEUED (its confirmation overtook the SENT commit) can still have an open outbox row.
        var queued = fills.Where(f => f.WasQueued && moved.Contains(f.FireId)).Select(f => f.FireId).ToList();
        if (queued.Count > 0)
        {
            using var outbox = Command(connection, transaction, OutboxSql, nowMs, "$ids", JsonSerializer.Serialize(queued));
            outbox.ExecuteNonQuery();
        }

        return moved;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, long nowMs, string name, string json)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.Add(new SqliteParameter("$now", nowMs));
        command.Parameters.Add(new SqliteParameter(name, json));
        return command;
    }

    /// <summary>The fills as a JSON array; decimals as JSON strings in Microsoft.Data.Sqlite's own TEXT format, so stored values read back exactly.</summary>
    private static string Json(IReadOnlyList<PendingFill> fills, Func<PendingFill, bool> include, bool withDetail)
    {
        var buffer = new ArrayBufferWriter<byte>(fills.Count * 96);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var f in fills)
            {
                if (!include(f))
                {
                    continue;
                }

                json.WriteStartObject();
                json.WriteString("id", f.FireId);
                if (withDetail)
                {
                    json.WriteString("detail", f.Detail);
                }
                else
                {
                    json.WriteString("price", Text(f.Price));
                    json.WriteString("volume", Text(f.Volume));
                    json.WriteNumber("position", f.Position);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Text(decimal value) => value.ToString("0.0###########################", CultureInfo.InvariantCulture);
}

/// <summary>One fill to write: the fire, its price and volume, its position, the timeline detail, and whether it was read as QUEUED.</summary>
internal readonly record struct PendingFill(string FireId, decimal Price, decimal Volume, long Position, string Detail, bool WasQueued);
