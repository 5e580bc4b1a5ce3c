namespace Bitten.Modules.Signals.Candles;

/// <summary>Receives closed candles, larger timeframes first when several close on the same tick.</summary>
internal interface ICandleSink
{
    void OnCandleClosed(int symbolIndex, in Candle candle);
}
