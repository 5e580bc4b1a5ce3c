using Bitten.Contracts.Signals;
using Microsoft.Data.Sqlite;

namespace Bitten.Modules.Signals.Replay;

/// <summary>
/// Streams BITTEN's own stored M1 bars of one symbol from a Signals database file (<c>signals.db</c>,
/// table <c>bars</c>), opened read-only, oldest first. Prices are mid prices and each bar keeps its mean
/// spread, so the replay rebuilds bid and ask around the mid with the bar's own spread. Errors name the
/// file, the row and the column.
/// </summary>
internal sealed class StoredBarReader : BarReader
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _command;
    private readonly SqliteDataReader _rows;
    private readonly long _count;
    private long _row;

    public StoredBarReader(string path, string symbol)
    {
        File = Path.GetFileName(path);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        try
        {
            _connection.Open();
            using (var count = _connection.CreateCommand())
            {
                count.CommandText = "SELECT COUNT(*) FROM bars WHERE symbol = $s AND timeframe = $tf";
                count.Parameters.AddWithValue("$s", symbol);
                count.Parameters.AddWithValue("$tf", (int)Timeframe.M1);
                _count = (long)count.ExecuteScalar()!;
            }

            _command = _connection.CreateCommand();
            _command.CommandText = "SELECT open_time_ms, open, high, low, close, tick_volume, mean_spread FROM bars WHERE symbol = $s AND timeframe = $tf ORDER BY open_time_ms";
            _command.Parameters.AddWithValue("$s", symbol);
            _command.Parameters.AddWithValue("$tf", (int)Timeframe.M1);
            _rows = _command.ExecuteReader();
        }
        catch (SqliteException ex)
        {
            _connection.Dispose();
            throw new HistoryFormatException(File, 0, 0, $"not a readable BITTEN signals database ({ex.Message.TrimEnd('.')})");
        }
    }

    public override string File { get; }

    public override long Length => _count;

    public override long Position => _row;

    public override long BarLengthMs => 60_000;

    public override bool BidPrices => false;

    /// <summary>SQLite files start with this header.</summary>
    public static bool Recognises(ReadOnlySpan<byte> start) => start.StartsWith("SQLite format 3\0"u8);

    public override bool TryRead(out HistoricalBar bar)
    {
        if (!_rows.Read())
        {
            bar = default;
            return false;
        }

        _row++;
        var values = new double[7];
        for (var i = 0; i < 7; i++)
        {
            if (_rows.IsDBNull(i))
            {
                throw new HistoryFormatException(File, _row, i + 1, $"bar row {_row}: column '{_rows.GetName(i)}' is empty");
            }

            try
            {
                values[i] = i == 0 ? _rows.GetInt64(0) : _rows.GetDouble(i);
            }
            catch (FormatException)
            {
                throw new HistoryFormatException(File, _row, i + 1, $"bar row {_row}: column '{_rows.GetName(i)}' is not a number");
            }
        }

        bar = new HistoricalBar((long)values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
        if (Problem(bar, out var inTime) is { } problem)
        {
            throw new HistoryFormatException(File, _row, inTime ? 1 : 2, $"bar row {_row}: {problem}");
        }

        return true;
    }

    public override void Dispose()
    {
        _rows.Dispose();
        _command.Dispose();
        _connection.Dispose();
    }
}
