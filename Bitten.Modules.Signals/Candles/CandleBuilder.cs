using Bitten.Contracts.Signals;

namespace Bitten.Modules.Signals.Candles;

/// <summary>
/// Builds M1/M5/M15/H1 candles of one symbol from its ticks (DOMAIN §2): buckets from the tick's own
/// timestamp, a bar closes when a tick of a later bucket arrives or when <see cref="OnClock"/> passes
/// the bucket end plus the grace, no synthetic bars for empty buckets, and a bar opening after a gap
/// longer than the gap threshold is marked. Ticks older than the open M1 bar are refused. One owner
/// thread; no allocation per tick.
/// </summary>
internal sealed class CandleBuilder(int symbolIndex, long closeGraceMs, long gapMs)
{
    // Larger first: when several close together, context (M15) is up to date before M5 detectors run.
    internal static readonly Timeframe[] Timeframes = [Timeframe.H1, Timeframe.M15, Timeframe.M5, Timeframe.M1];

    private readonly OpenBar[] _open = new OpenBar[Timeframes.Length];
    private long _lastTickMs = long.MinValue;

    public int SymbolIndex { get; } = symbolIndex;

    public long LastTickMs => _lastTickMs;

    /// <summary>Adds a tick; returns false (and changes nothing) when it is older than the open M1 bar.</summary>
    public bool OnTick(long tsMs, double bid, double ask, ICandleSink sink)
    {
        ref readonly var m1 = ref _open[^1];
        if (m1.IsOpen && tsMs < m1.OpenTimeMs)
        {
            return false;
        }

        var mid = (bid + ask) * 0.5;
        var spread = ask - bid;
        if (m1.IsOpen && tsMs - m1.OpenTimeMs < Candle.LengthMs(Timeframe.M1))
        {
            // Most ticks: inside the open M1 bar. Then no bar closes and every open longer bar takes the tick, as the
            // loop below would do: buckets are aligned and a longer bar closes only with or after the M1 bar inside it,
            // so the tick is inside (or, after a clock close and an older tick, before) each of them. No bucket is looked for.
            _open[0].Add(mid, spread);
            _open[1].Add(mid, spread);
            _open[2].Add(mid, spread);
            _open[3].Add(mid, spread);
            _lastTickMs = Math.Max(_lastTickMs, tsMs);
            return true;
        }

        var gap = _lastTickMs != long.MinValue && tsMs - _lastTickMs > gapMs;
        for (var i = 0; i < Timeframes.Length; i++)
        {
            var length = Candle.LengthMs(Timeframes[i]);
            ref var bar = ref _open[i];
            if (bar.IsOpen && tsMs >= bar.OpenTimeMs && tsMs - bar.OpenTimeMs < length)
            {
                // Inside the open bar's bucket (most ticks): no division to find the bucket.
                bar.Add(mid, spread);
                continue;
            }

            // Bars open on their bucket's start, so the bucket after the open bar's needs no division (a bar's first tick
            // is most often in the next bucket); any other time is placed by division.
            var bucket = bar.IsOpen && tsMs - bar.OpenTimeMs >= length && tsMs - bar.OpenTimeMs < 2 * length
                ? bar.OpenTimeMs + length
                : tsMs - (((tsMs % length) + length) % length);
            if (bar.IsOpen && bucket > bar.OpenTimeMs)
            {
                sink.OnCandleClosed(SymbolIndex, bar.ToCandle(Timeframes[i]));
                bar.IsOpen = false;
            }

            if (!bar.IsOpen)
            {
                bar.Start(bucket, mid, spread, gap);
            }
            else
            {
                bar.Add(mid, spread);
            }
        }

        _lastTickMs = Math.Max(_lastTickMs, tsMs);
        return true;
    }

    /// <summary>Closes every open bar whose bucket ended more than the grace ago, so quiet markets still close bars.</summary>
    public void OnClock(long nowMs, ICandleSink sink)
    {
        for (var i = 0; i < Timeframes.Length; i++)
        {
            ref var bar = ref _open[i];
            if (bar.IsOpen && nowMs >= bar.OpenTimeMs + Candle.LengthMs(Timeframes[i]) + closeGraceMs)
            {
                sink.OnCandleClosed(SymbolIndex, bar.ToCandle(Timeframes[i]));
                bar.IsOpen = false;
            }
        }
    }

    /// <summary>After a warm restart: the last stored bar time, so a long outage marks the next bar after_gap.</summary>
    public void Resume(long lastTickMs)
    {
        _lastTickMs = Math.Max(_lastTickMs, lastTickMs);
    }

    private struct OpenBar
    {
        public bool IsOpen;
        public long OpenTimeMs;
        public double Open;
        public double High;
        public double Low;
        public double Close;
        public int Ticks;
        public double SpreadSum;
        public bool AfterGap;

        public void Start(long openTimeMs, double mid, double spread, bool afterGap)
        {
            IsOpen = true;
            OpenTimeMs = openTimeMs;
            Open = High = Low = Close = mid;
            Ticks = 1;
            SpreadSum = spread;
            AfterGap = afterGap;
        }

        public void Add(double mid, double spread)
        {
            if (mid > High)
            {
                High = mid;
            }

            if (mid < Low)
            {
                Low = mid;
            }

            Close = mid;
            Ticks++;
            SpreadSum += spread;
        }

        public readonly Candle ToCandle(Timeframe timeframe) =>
            new(timeframe, OpenTimeMs, Open, High, Low, Close, Ticks, SpreadSum / Ticks, AfterGap);
    }
}
