using System.Data.Common;
using System.Globalization;
using System.Threading.Channels;

namespace Bitten.Modules.Signals.Candles;

/// <summary>
/// Persists closed bars (so a restart warms the detectors) on the signals.db writer's connection: one
/// prepared statement, bound per bar, one transaction per batch. The batch stops early as soon as
/// the caller says a more urgent write waits (a signal), so a signal waits for one bar
/// row and a commit, never for a thousand-row batch. Used only by <see cref="Publishing.SignalPublisherService"/>,
/// the single writer of signals.db.
/// </summary>
internal sealed class BarBatchWriter : IDisposable
{
    private readonly DbConnection _connection;
    private readonly DbCommand _command;
    private readonly DbParameter[] _p;

    public BarBatchWriter(DbConnection connection)
    {
        _connection = connection;
        _command = connection.CreateCommand();

        // A bar re-closed after a restart replaces the stored one.
        _command.CommandText = "INSERT OR REPLACE INTO bars (symbol, timeframe, open_time_ms, open, high, low, close, tick_volume, mean_spread, after_gap) " +
                               "VALUES ($s, $tf, $t, $o, $h, $l, $c, $v, $sp, $g)";
        _p = [.. new[] { "$s", "$tf", "$t", "$o", "$h", "$l", "$c", "$v", "$sp", "$g" }.Select(name =>
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = name;
            _command.Parameters.Add(parameter);
            return parameter;
        })];
    }

    /// <summary>Writes up to <paramref name="max"/> queued bars in one transaction; returns how many.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // hot path: see docs/signals-live-path.md (tiering)
    public int Write(ChannelReader<(string Symbol, Candle Candle)> bars, int max, Func<bool> yieldTo)
    {
        if (!bars.TryPeek(out _))
        {
            return 0;
        }

        using var transaction = _connection.BeginTransaction();
        _command.Transaction = transaction;
        var written = 0;
        while (written < max && !yieldTo() && bars.TryRead(out var bar))
        {
            var (symbol, c) = bar;
            _p[0].Value = symbol;
            _p[1].Value = (int)c.Timeframe;
            _p[2].Value = c.OpenTimeMs;

            // Decimal text, as EF stores the StoredBar columns (read back as decimal when warming).
            _p[3].Value = ((decimal)c.Open).ToString(CultureInfo.InvariantCulture);
            _p[4].Value = ((decimal)c.High).ToString(CultureInfo.InvariantCulture);
            _p[5].Value = ((decimal)c.Low).ToString(CultureInfo.InvariantCulture);
            _p[6].Value = ((decimal)c.Close).ToString(CultureInfo.InvariantCulture);
            _p[7].Value = c.TickVolume;
            _p[8].Value = ((decimal)c.MeanSpread).ToString(CultureInfo.InvariantCulture);
            _p[9].Value = c.AfterGap ? 1 : 0;
            _command.ExecuteNonQuery();
            written++;
        }

        transaction.Commit();
        _command.Transaction = null;
        return written;
    }

    public void Dispose() => _command.Dispose();
}
