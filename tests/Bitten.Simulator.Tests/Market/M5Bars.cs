using Bitten.Simulator.Market;

namespace Bitten.Simulator.Tests.Market;

/// <summary>Mid-price M5 bars built from generated ticks (test-side, the way DOMAIN §2 builds them), with tick counts.</summary>
internal sealed record M5Bar(long OpenMs, double Open, double High, double Low, double Close, int Ticks);

internal static class M5Bars
{
    public static Dictionary<int, List<M5Bar>> Build(IEnumerable<SimTick> ticks)
    {
        var bars = new Dictionary<int, List<M5Bar>>();
        foreach (var t in ticks)
        {
            var mid = (double)(t.Bid + t.Ask) / 2;
            var open = t.TsMs / 300_000 * 300_000;
            if (!bars.TryGetValue(t.SymbolIndex, out var list))
            {
                bars[t.SymbolIndex] = list = [];
            }

            if (list.Count > 0 && list[^1].OpenMs == open)
            {
                var b = list[^1];
                list[^1] = b with { High = Math.Max(b.High, mid), Low = Math.Min(b.Low, mid), Close = mid, Ticks = b.Ticks + 1 };
            }
            else
            {
                list.Add(new M5Bar(open, mid, mid, mid, mid, 1));
            }
        }

        return bars;
    }

    /// <summary>Wilder's ATR(14) per bar (NaN until warm).</summary>
    public static double[] Atr(List<M5Bar> bars, int period = 14)
    {
        var atr = new double[bars.Count];
        double value = 0;
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var tr = i == 0 ? b.High - b.Low : Math.Max(b.High - b.Low, Math.Max(Math.Abs(b.High - bars[i - 1].Close), Math.Abs(b.Low - bars[i - 1].Close)));
            value = i < period ? value + tr / period : (value * (period - 1) + tr) / period;
            atr[i] = i < period - 1 ? double.NaN : value;
        }

        return atr;
    }
}
