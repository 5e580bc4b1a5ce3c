namespace Bitten.Modules.Signals.Candles;

/// <summary>A closed candle, persisted so detectors are warm after a restart.</summary>
internal sealed class StoredBar
{
    public string Symbol { get; set; } = string.Empty;
public int Timeframe { get; set; }
public long OpenTimeMs { get; set; }
public decimal Open { get; set; }
public decimal High { get; set; }
public decimal Low { get; set; }
public decimal Close { get; set; }
public int TickVolume { get; set; }
public decimal MeanSpread { get; set; }
public bool AfterGap { get; set; }
}
