using Bitten.Modules.Signals.Indicators;

namespace Bitten.Modules.Signals.Structure;

internal static partial class SmcReference
{
    /// <summary>
    /// Liquidity pools: swing highs (then lows) whose levels lie within ± band of an earlier unused swing's
    /// level, up to the bar that sweeps that swing's band, grouped on the first swing. Band =
    /// <paramref name="rangePercent"/> × (highest high - lowest low of the whole series).
    /// </summary>
    public static LiquiditySeries Liquidity(ReadOnlySpan<PriceBar> bars, SwingSeries swings, double rangePercent = 0.01)
    {
        var n = bars.Length;
        var highest = double.MinValue;
        var lowest = double.MaxValue;
        foreach (var bar in bars)
        {
            highest = Math.Max(highest, bar.High);
            lowest = Math.Min(lowest, bar.Low);
        }

        var band = (highest - lowest) * rangePercent;
        var result = new LiquiditySeries(new int[n], new float[n], new int[n], new int[n]);
        Array.Fill(result.Level, float.NaN);
        var used = new bool[n];
        PoolPass(bars, swings, band, used, result, 1);
        PoolPass(bars, swings, band, used, result, -1);
        return result;
    }

    private static void PoolPass(ReadOnlySpan<PriceBar> bars, SwingSeries swings, double band, bool[] used, LiquiditySeries r, int side)
    {
        var n = bars.Length;
        for (var i = 0; i < n; i++)
        {
            if (swings.Kind[i] != side || used[i])
            {
                continue;
            }

            var level = swings.Level[i];
            var low = level - band;
            var high = level + band;
            var swept = 0;
            for (var j = i + 1; j < n; j++)
            {
                if (side == 1 ? bars[j].High >= high : bars[j].Low <= low)
                {
                    swept = j;
                    break;
                }
            }

            var sum = level;
            var count = 1;
            var end = i;
            for (var j = i + 1; j < n; j++)
            {
                if (swept != 0 && j >= swept)
                {
                    break;
                }

                if (swings.Kind[j] == side && !used[j] && swings.Level[j] >= low && swings.Level[j] <= high)
                {
                    sum += swings.Level[j];
                    count++;
                    end = j;
                    used[j] = true;
                }
            }

            if (count >= 2)
            {
                r.Direction[i] = side;
                r.Level[i] = (float)(sum / count);
                r.End[i] = end;
                r.Swept[i] = swept;
            }
        }
    }
}
