using Microsoft.Data.Sqlite;

namespace Bitten.Host.Persistence;

/// <summary>
/// Checks an existing database file before anything writes to it: it must carry the SQLite header
/// and pass <c>PRAGMA quick_check</c>. A missing or empty file is fine (it will be created).
/// </summary>
internal static class DatabaseFileGuard
{
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    public static void EnsureUsable(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length == 0)
        {
            return;
        }

        Span<byte> header = stackalloc byte[16];
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || !header.SequenceEqual(SqliteHeader))
            {
                throw new DatabaseFileException(path, "is not a SQLite database (its header is wrong)");
            }
        }

        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check;";
            var result = command.ExecuteScalar() as string;
            if (!string.Equals(result, "ok", StringComparison.Ordinal))
            {
                throw new DatabaseFileException(path, $"is corrupt (quick_check: {result})");
            }
        }
        catch (SqliteException ex)
        {
            throw new DatabaseFileException(path, $"cannot be read as SQLite ({ex.Message})", ex);
        }
    }
}
