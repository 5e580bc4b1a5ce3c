using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Candles;
using Bitten.Modules.Signals.Detectors;
using Bitten.Modules.Signals.Market;

namespace Bitten.Modules.Signals.Tests.Detectors;

/// <summary>Hand-built detector contexts: a quiet history around a price, then the bar under test.</summary>
internal sealed class ContextBuilder
{
    private static readonly SymbolCatalog Symbols = new(["EURUSD", "USDJPY", "XAUUSD"], []);
    private readonly List<Candle> _bars = [];
    private readonly DetectorContext _context = new(300);

    public ContextBuilder(string symbol = "EURUSD", double price = 1.1000, double atr = 0.0010, int history = 40)
    {
        _context.Symbol = Symbols.Find(symbol)!;
        _context.Atr = atr;
        Price = price;
        AtrValue = atr;
        for (var i = 0; i < history; i++)
        {
            // quiet bars: range 0.5 ATR around the price, alternating colour
            var up = i % 2 == 0;
            Add(price, price + (0.25 * atr), price - (0.25 * atr), up ? price + (0.1 * atr) : price - (0.1 * atr), 100);
        }
    }

    public double Price { get; }

    public double AtrValue { get; }

    public int Index => _bars.Count;

    public DetectorContext Context => _context;

    public ContextBuilder Add(double open, double high, double low, double close, int volume = 100)
    {
        _bars.Add(new Candle(Timeframe.M5, _bars.Count * 300_000L, open, high, low, close, volume, 0.0001, false));
        return this;
    }

    private Func<int, (double BbUp, double BbMid, double BbLow, double KcUp, double KcLow)>? _bands;

    /// <summary>Indicator bands per bar index, applied to every bar (the closing one included) at <see cref="Close"/>.</summary>
    public ContextBuilder Bands(Func<int, (double BbUp, double BbMid, double BbLow, double KcUp, double KcLow)> bands)
    {
        _bands = bands;
        return this;
    }

    public ContextBuilder With(Action<DetectorContext> change)
    {
        change(_context);
        return this;
    }

    /// <summary>Finishes with <paramref name="bar"/> as the closing bar.</summary>
    public DetectorContext Close(double open, double high, double low, double close, int volume = 100)
    {
        Add(open, high, low, close, volume);
        for (var i = 0; i < _bars.Count; i++)
        {
            _context.Bars[i] = _bars[i];
        }

        _context.Count = _bars.Count;
        _context.BarIndex = _bars.Count - 1;
        _context.BarsSinceGap = _bars.Count;
        if (double.IsNaN(_context.VolumeMean20))
        {
            _context.VolumeMean20 = _bars.SkipLast(1).TakeLast(20).Average(b => b.TickVolume);
        }

        for (var i = 0; i < _bars.Count; i++)
        {
            var b = _bands?.Invoke(i) ?? (double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
            (_context.BbUpper[i], _context.BbMiddle[i], _context.BbLower[i], _context.KcUpper[i], _context.KcLower[i]) = b;
        }

        return _context;
    }
}
