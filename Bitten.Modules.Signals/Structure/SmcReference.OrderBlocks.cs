using Bitten.Modules.Signals.Indicators;

namespace Bitten.Modules.Signals.Structure;

internal static partial class SmcReference
{
    /// <summary>
    /// Order blocks (close_mitigation false): when a close breaks the latest swing high not yet crossed, the
    /// candle with the lowest low since that swing becomes a bullish block (bearish mirrored). A block
    /// becomes a breaker when price trades through its far side (mitigated index i-1 for bullish, i for
    /// bearish, as the reference writes it) and disappears when price then trades beyond its near side.
    /// </summary>
    public static OrderBlockSeries OrderBlocks(ReadOnlySpan<PriceBar> bars, SwingSeries swings)
    {
        var n = bars.Length;
        var latestHigh = new int[n];
        var latestLow = new int[n];
        int high = -1, low = -1;
        for (var i = 0; i < n; i++)
        {
            if (i > 0)
            {
                high = swings.Kind[i - 1] == 1 ? i - 1 : high;
                low = swings.Kind[i - 1] == -1 ? i - 1 : low;
            }

            latestHigh[i] = high;
            latestLow[i] = low;
        }

        return OrderBlocks(bars, latestHigh, latestLow);
    }

    /// <summary>
    /// The same algorithm with the swing each bar tests given explicitly (-1 = none): the reference uses the
    /// latest swing with index &lt; i; live mode can only use the latest swing known at i.
    /// </summary>
    public static OrderBlockSeries OrderBlocks(ReadOnlySpan<PriceBar> bars, int[] latestHigh, int[] latestLow)
    {
        var n = bars.Length;
        var result = new OrderBlockSeries(new int[n], new float[n], new float[n], new float[n], new int[n], new float[n]);
        var crossed = new bool[n];
        var breaker = new bool[n];
        BlockPass(bars, latestHigh, result, crossed, breaker, 1);
        BlockPass(bars, latestLow, result, crossed, breaker, -1);
        return result;
    }

    private static void BlockPass(ReadOnlySpan<PriceBar> bars, int[] latestSwing, OrderBlockSeries r, bool[] crossed, bool[] breaker, int side)
    {
        var active = new List<int>();
        var snapshot = new List<int>();
        for (var i = 0; i < bars.Length; i++)
        {
            var lastSwing = latestSwing[i];

            snapshot.Clear();
            snapshot.AddRange(active);
            foreach (var b in snapshot)
            {
                if (breaker[b])
                {
                    if (side == 1 ? bars[i].High > r.Top[b] : bars[i].Low < r.Bottom[b])
                    {
                        r.Direction[b] = 0;
                        r.Top[b] = r.Bottom[b] = r.Volume[b] = r.Percentage[b] = 0;
                        r.MitigatedIndex[b] = 0;
                        active.Remove(b);
                    }
                }
                else if (side == 1 ? bars[i].Low < r.Bottom[b] : bars[i].High > r.Top[b])
                {
                    breaker[b] = true;
                    r.MitigatedIndex[b] = side == 1 ? i - 1 : i;
                }
            }

            if (lastSwing < 0 || crossed[lastSwing]
                || !(side == 1 ? bars[i].Close > bars[lastSwing].High : bars[i].Close < bars[lastSwing].Low))
            {
                continue;
            }

            crossed[lastSwing] = true;
            var c = i - 1;
            float top;
            float bottom;
            if (lastSwing + 1 <= i - 1)
            {
                c = lastSwing + 1;
                for (var j = lastSwing + 2; j < i; j++)
                {
                    if (side == 1 ? bars[j].Low <= bars[c].Low : bars[j].High >= bars[c].High)
                    {
                        c = j;
                    }
                }

                top = (float)bars[c].High;
                bottom = (float)bars[c].Low;
            }
            else if (side == 1)
            {
                // The reference swaps the fields when the break comes right after the swing; kept as is.
                top = (float)bars[c].Low;
                bottom = (float)bars[c].High;
            }
            else
            {
                top = (float)bars[c].High;
                bottom = (float)bars[c].Low;
            }

            r.Direction[c] = side;
            r.Top[c] = top;
            r.Bottom[c] = bottom;
            var recent = bars[i].Volume + (i >= 1 ? bars[i - 1].Volume : 0);
            var older = i >= 2 ? bars[i - 2].Volume : 0;
            r.Volume[c] = (float)(recent + older);
            var (highPart, lowPart) = side == 1 ? (recent, older) : (older, recent);
            var max = Math.Max(highPart, lowPart);
            r.Percentage[c] = max == 0 ? 100f : (float)(Math.Min(highPart, lowPart) / max * 100);
            active.Add(c);
        }
    }
}
