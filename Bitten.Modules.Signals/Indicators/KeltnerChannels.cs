namespace Bitten.Modules.Signals.Indicators;

/// <summary>Keltner Channels: centerline = EMA(n) of close, bands = centerline ± m × Wilder ATR(p); width = (upper - lower) / centerline.</summary>
internal sealed class KeltnerChannels
{
    private readonly Ema _center;
    private readonly Atr _atr;
    private readonly double _multiplier;

    public KeltnerChannels(int emaPeriod, double multiplier, int atrPeriod)
    {
        _center = new Ema(emaPeriod);
        _atr = new Atr(atrPeriod);
        _multiplier = multiplier;
    }

    public bool IsReady => _center.IsReady && _atr.IsReady;

    public double Centerline { get; private set; } = double.NaN;

    public double Upper { get; private set; } = double.NaN;

    public double Lower { get; private set; } = double.NaN;

    public double Width { get; private set; } = double.NaN;

    /// <summary>The channel's ATR (NaN until ready).</summary>
    public double Atr => _atr.Value;

    public void Update(double high, double low, double close)
    {
        _center.Update(close);
        _atr.Update(high, low, close);
        if (!IsReady)
        {
            return;
        }

        Centerline = _center.Value;
        Upper = Centerline + (_multiplier * _atr.Value);
        Lower = Centerline - (_multiplier * _atr.Value);
        Width = Centerline == 0 ? double.NaN : (Upper - Lower) / Centerline;
    }

    public void Update(in PriceBar bar) => Update(bar.High, bar.Low, bar.Close);
}
