using Bitten.Modules.Signals.Candles;
using Bitten.Modules.Signals.Detectors;
using Bitten.Modules.Signals.Indicators;
using Bitten.Modules.Signals.Market;
using Bitten.Modules.Signals.Structure;

namespace Bitten.Modules.Signals.Engine;

/// <summary>
/// Everything the engine keeps for one symbol: candle builder and tick checks, the M5 indicators and
/// the sliding detector window, M5 and M15 structure, and the rolling ATR and spread history that
/// CITADEL compares against. Owned by the engine thread.
/// </summary>
internal sealed class SymbolState
{
    public const int Window = 64;

    public SymbolState(SymbolInfo symbol, EngineSettings settings)
    {
        Symbol = symbol;
        Candles = new CandleBuilder(symbol.Index, settings.CloseGraceMs, settings.GapMs);
        Validator = new TickValidator(symbol.PipSize, settings.MaxSpreadPips, settings.MaxJumpAtr, settings.MaxJumpFraction, settings.GapMs);
        M5Structure = new MarketStructure(settings.Structure);
        M15Structure = new MarketStructure(settings.Structure);
        Context = new DetectorContext(Window) { Symbol = symbol };
    }

    public SymbolInfo Symbol { get; }

    public CandleBuilder Candles { get; }

    public TickValidator Validator { get; }

    public IndicatorSet M5Indicators { get; } = new();

    public MarketStructure M5Structure { get; }

    public MarketStructure M15Structure { get; }

    public DetectorContext Context { get; }

    public RollingWindow AtrHistory { get; } = new(100);

    public RollingWindow SpreadHistory { get; } = new(100);

    public RollingWindow VolumeHistory { get; } = new(20);

    /// <summary>Absolute index of the last closed M5 bar (-1 before the first).</summary>
    public long M5Index { get; set; } = -1;

    public double LastBid { get; set; } = double.NaN;

    public double LastAsk { get; set; } = double.NaN;

    public long LastTickMs { get; set; } = long.MinValue;

    /// <summary>Appends a closed M5 candle and its indicator values to the detector window (oldest dropped).</summary>
    public void Push(in Candle candle)
    {
        var c = Context;
        if (c.Count == Window)
        {
            Array.Copy(c.Bars, 1, c.Bars, 0, Window - 1);
            Array.Copy(c.BbUpper, 1, c.BbUpper, 0, Window - 1);
            Array.Copy(c.BbMiddle, 1, c.BbMiddle, 0, Window - 1);
            Array.Copy(c.BbLower, 1, c.BbLower, 0, Window - 1);
            Array.Copy(c.KcUpper, 1, c.KcUpper, 0, Window - 1);
            Array.Copy(c.KcLower, 1, c.KcLower, 0, Window - 1);
            c.Count--;
        }

        var i = c.Count;
        var bb = M5Indicators.Bollinger;
        var kc = M5Indicators.Keltner;
        c.Bars[i] = candle;
        c.BbUpper[i] = bb.Upper;
        c.BbMiddle[i] = bb.Middle;
        c.BbLower[i] = bb.Lower;
        c.KcUpper[i] = kc.Upper;
        c.KcLower[i] = kc.Lower;
        c.Count = i + 1;
        c.BarsSinceGap = candle.AfterGap ? 1 : c.BarsSinceGap + 1;
        c.BarIndex = M5Index;
        c.Atr = M5Indicators.Atr14.Value;
        c.Rsi = M5Indicators.Rsi14.Value;
    }
}
