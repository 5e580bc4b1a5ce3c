using System.Text;

namespace Bitten.Modules.Signals.Replay;

/// <summary>
/// A streaming source of history bars in UTC, in strictly increasing time order. Problems throw
/// <see cref="HistoryFormatException"/> naming file, line and column.
/// </summary>
internal abstract class BarReader : IDisposable
{
    private long _previous = long.MinValue;

    public abstract string File { get; }

    /// <summary>Total and consumed size (bytes or rows), for progress.</summary>
    public abstract long Length { get; }

    public abstract long Position { get; }

    /// <summary>The bars' length when the format states it (ms); 0 when it must be inferred from the data.</summary>
    public virtual long BarLengthMs => 0;

    /// <summary>Whether prices are bid quotes (HistData, MetaTrader) or mid prices (BITTEN's stored bars).</summary>
    public virtual bool BidPrices => true;

    public abstract bool TryRead(out HistoricalBar bar);

    /// <summary>
    /// The checks every bar must pass: positive prices, low ≤ open, close ≤ high (a problem in the prices,
    /// <paramref name="inTime"/> false), time strictly increasing (<paramref name="inTime"/> true). Null when fine.
    /// </summary>
    protected string? Problem(in HistoricalBar bar, out bool inTime)
    {
        inTime = false;
        if (!(bar.Low > 0) || bar.High < bar.Low || bar.Open > bar.High || bar.Open < bar.Low || bar.Close > bar.High || bar.Close < bar.Low)
        {
            return "prices must satisfy 0 < low <= open, close <= high";
        }

        if (bar.OpenTimeMs <= _previous)
        {
            inTime = true;
            return $"time goes backwards (or repeats): {Stamp(bar.OpenTimeMs)} UTC is not after the previous bar's {Stamp(_previous)} UTC";
        }

        _previous = bar.OpenTimeMs;
        return null;
    }

    protected static string Text(ReadOnlySpan<byte> field) => field.Length > 40 ? Encoding.UTF8.GetString(field[..40]) + "…" : Encoding.UTF8.GetString(field);

    /// <summary>A UTC time for an error message; one outside the calendar (years 1..9999) is shown as its milliseconds.</summary>
    internal static string Stamp(long utcMs) => utcMs is >= MinUtcMs and <= MaxUtcMs
        ? DateTimeOffset.FromUnixTimeMilliseconds(utcMs).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{utcMs} ms");

    /// <summary>The range <see cref="DateTimeOffset.FromUnixTimeMilliseconds"/> accepts.</summary>
    internal const long MinUtcMs = -62_135_596_800_000L, MaxUtcMs = 253_402_300_799_999L;

    public abstract void Dispose();
}

/// <summary>A streaming source of bid/ask ticks in UTC, never going back in time.</summary>
internal abstract class TickReader : IDisposable
{
    private long _previous = long.MinValue;

    public abstract string File { get; }

    public abstract long Length { get; }

    public abstract long Position { get; }

    public abstract bool TryRead(out HistoricalTick tick);

    /// <summary>Positive bid, ask ≥ bid, time never decreasing (equal stamps are allowed). Null when fine, else the problem and which field.</summary>
    protected string? Problem(in HistoricalTick tick, out TickField field)
    {
        field = TickField.Bid;
        if (!(tick.Bid > 0))
        {
            return "bid must be a positive price";
        }

        if (tick.Ask < tick.Bid)
        {
            field = TickField.Ask;
            return "ask must not be below bid";
        }

        if (tick.TsMs < _previous)
        {
            field = TickField.Time;
            return $"time goes backwards: {BarReader.Stamp(tick.TsMs)} UTC is before the previous tick's {BarReader.Stamp(_previous)} UTC";
        }

        _previous = tick.TsMs;
        return null;
    }

    public abstract void Dispose();
}

/// <summary>Which field of a tick a problem is in.</summary>
internal enum TickField
{
    Time = 0,
    Bid = 1,
    Ask = 2,
}
