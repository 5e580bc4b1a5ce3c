using Bitten.Modules.Signals.Indicators;

namespace Bitten.Modules.Signals.Structure;

internal static partial class SmcReference
{
    /// <summary>
    /// Fair value gaps on the middle bar of three: bullish when it closes up and high[i-1] &lt; low[i+1]
    /// (top = low[i+1], bottom = high[i-1]), bearish mirrored. With <paramref name="joinConsecutive"/> a run of
    /// same-direction gaps collapses into its last row with the run's highest top and lowest bottom.
    /// Mitigated at the first bar from i+2 whose low reaches the top (bullish) / high the bottom (bearish).
    /// </summary>
    public static FvgSeries FairValueGaps(ReadOnlySpan<PriceBar> bars, bool joinConsecutive = false)
    {
        var n = bars.Length;
        var direction = new int[n];
        var top = new double[n];
        var bottom = new double[n];
        var mitigated = new int[n];
        Array.Fill(top, double.NaN);
        Array.Fill(bottom, double.NaN);

        for (var i = 1; i < n - 1; i++)
        {
            var gap = FvgAt(bars[i - 1], bars[i], bars[i + 1]);
            direction[i] = gap.Direction;
            if (gap.Direction != 0)
            {
                top[i] = gap.Top;
                bottom[i] = gap.Bottom;
            }
        }

        if (joinConsecutive)
        {
            for (var i = 0; i < n - 1; i++)
            {
                if (direction[i] != 0 && direction[i + 1] == direction[i])
                {
                    top[i + 1] = Math.Max(top[i], top[i + 1]);
                    bottom[i + 1] = Math.Min(bottom[i], bottom[i + 1]);
                    direction[i] = 0;
                    top[i] = bottom[i] = double.NaN;
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            if (direction[i] == 0)
            {
                continue;
            }

            for (var j = i + 2; j < n; j++)
            {
                if (direction[i] == 1 ? bars[j].Low <= top[i] : bars[j].High >= bottom[i])
                {
                    mitigated[i] = j;
                    break;
                }
            }
        }

        return new FvgSeries(direction, top, bottom, mitigated);
    }

    /// <summary>The gap the middle of three bars leaves, if any (a doji never leaves one).</summary>
    internal static (int Direction, double Top, double Bottom) FvgAt(in PriceBar before, in PriceBar middle, in PriceBar after)
    {
        if (middle.Close > middle.Open && before.High < after.Low)
        {
            return (1, after.Low, before.High);
        }

        if (middle.Close < middle.Open && before.Low > after.High)
        {
            return (-1, before.Low, after.High);
        }

        return (0, double.NaN, double.NaN);
    }
}
