using Bitten.Modules.Signals.Candles;
using Bitten.Modules.Signals.Market;

namespace Bitten.Modules.Signals.Detectors;

/// <summary>
/// Everything a detector may look at when an M5 bar closes: the recent bars (oldest first, the closing
/// bar last), indicator series aligned with them (NaN where not ready), and the structure known at the
/// previous bar's close. Reused between bars by its owner; detectors only read it.
/// </summary>
internal sealed class DetectorContext(int capacity)
{
    public SymbolInfo Symbol { get; set; } = null!;

    /// <summary>Absolute index of the closing bar in this symbol's M5 history.</summary>
    public long BarIndex { get; set; }

    public Candle[] Bars { get; } = new Candle[capacity];

    public double[] BbUpper { get; } = new double[capacity];

    public double[] BbMiddle { get; } = new double[capacity];

    public double[] BbLower { get; } = new double[capacity];

    public double[] KcUpper { get; } = new double[capacity];

    public double[] KcLower { get; } = new double[capacity];

    public int Count { get; set; }

    /// <summary>Bars since (and including) the last after-gap bar: detectors need their full lookback after a gap.</summary>
    public int BarsSinceGap { get; set; }

    public double Atr { get; set; } = double.NaN;

    public double Rsi { get; set; } = double.NaN;

    /// <summary>Mean tick volume of the 20 bars before the closing one.</summary>
    public double VolumeMean20 { get; set; } = double.NaN;

    public StructureView Structure { get; } = new();

    public ref readonly Candle Current => ref Bars[Count - 1];

    /// <summary>The bar <paramref name="back"/> bars before the closing one (1 = previous).</summary>
    public ref readonly Candle Back(int back) => ref Bars[Count - 1 - back];

    public bool HasLookback(int bars) => Count > bars && BarsSinceGap > bars && !double.IsNaN(Atr) && Atr > 0;
}
