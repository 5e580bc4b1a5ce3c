using Bitten.Contracts.Signals;

namespace Bitten.Modules.Signals.Candles;

/// <summary>
/// A candle of mid prices ((bid+ask)/2) aligned to a UTC bucket. Volume is the tick count; the mean
/// spread is kept so scoring can compare spreads. <see cref="AfterGap"/> marks the first bar after a
/// feed gap longer than the configured gap, so detectors restart their lookback there.
/// </summary>
internal readonly record struct Candle(
    Timeframe Timeframe,
    long OpenTimeMs,
    double Open,
    double High,
    double Low,
    double Close,
    int TickVolume,
    double MeanSpread,
    bool AfterGap)
{
    public long CloseTimeMs => OpenTimeMs + LengthMs(Timeframe);

    public double Range => High - Low;

    public double Body => Math.Abs(Close - Open);

    public double UpperWick => High - Math.Max(Open, Close);

    public double LowerWick => Math.Min(Open, Close) - Low;

    public bool IsBullish => Close > Open;

    public bool IsBearish => Close < Open;

    public static long LengthMs(Timeframe timeframe) => (long)timeframe * 60_000L;
}
