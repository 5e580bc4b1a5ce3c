using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Testing;

/// <summary>
/// A normalised text description of a SQLite schema (tables, columns, primary keys, indexes, foreign
/// keys), so the schema built by hand-written migrations can be compared with the one EF's model
/// describes (<c>EnsureCreated</c>). EF's own history and lock tables are left out.
/// </summary>
public static class SchemaSnapshot
{
    /// <summary>Builds a database both ways for <paramref name="create"/>'s context and returns both snapshots.</summary>
    public static (string Migrated, string Modelled) MigratedAndModelled<TContext>(string directory, Func<DbContextOptions<TContext>, TContext> create)
        where TContext : DbContext
    {
        var migratedPath = Path.Combine(directory, "migrated.db");
        var modelledPath = Path.Combine(directory, "modelled.db");
        using (var migrated = create(Options<TContext>(migratedPath)))
        {
            migrated.Database.Migrate();
        }

        using (var modelled = create(Options<TContext>(modelledPath)))
        {
            modelled.Database.EnsureCreated();
        }

        return (Of(migratedPath), Of(modelledPath));
    }

    public static DbContextOptions<TContext> Options<TContext>(string path)
        where TContext : DbContext =>
        new DbContextOptionsBuilder<TContext>()
            .UseSqlite($"Data Source={path};Pooling=False")
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning))
            .Options;

    public static string Of(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var text = new StringBuilder();
        foreach (var table in Strings(connection, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock') ORDER BY name"))
        {
            text.Append("table ").AppendLine(table);
            foreach (var column in Rows(connection, $"PRAGMA table_info('{table}')"))
            {
                // cid, name, type, notnull, dflt_value, pk
                text.AppendLine($"  column {column[1]} {column[2]} notnull={column[3]} default={column[4]} pk={column[5]}");
            }

            foreach (var index in Rows(connection, $"PRAGMA index_list('{table}')").OrderBy(r => r[1]?.ToString(), StringComparer.Ordinal))
            {
                // seq, name, unique, origin, partial
                var columns = string.Join(",", Rows(connection, $"PRAGMA index_info('{index[1]}')").Select(r => r[2]));
                var name = index[3]?.ToString() == "pk" ? "(primary key)" : index[1];
                text.AppendLine($"  index {name} unique={index[2]} origin={index[3]} partial={index[4]} on ({columns})");
            }

            foreach (var fk in Rows(connection, $"PRAGMA foreign_key_list('{table}')").OrderBy(r => r[3]?.ToString(), StringComparer.Ordinal))
            {
                // id, seq, table, from, to, on_update, on_delete, match
                text.AppendLine($"  foreign key {fk[3]} -> {fk[2]}.{fk[4]} on delete {fk[6]}");
            }
        }

        return text.ToString();
    }

    private static IEnumerable<string> Strings(SqliteConnection connection, string sql) => Rows(connection, sql).Select(r => r[0]!.ToString()!);

    private static List<object?[]> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
