using Bitten.Modules.Signals.Indicators;

namespace Bitten.Modules.Signals.Structure;

internal static partial class SmcReference
{
    /// <summary>
    /// Retracement of the current leg between the last swing high (top) and low (bottom), in percent
    /// rounded to 0.1 (numpy's round: scale, round half to even, unscale), shifted one bar later, with
    /// everything up to the bar after the third direction change zeroed, as the reference does.
    /// </summary>
    public static RetracementSeries Retracements(ReadOnlySpan<PriceBar> bars, SwingSeries swings)
    {
        var n = bars.Length;
        var direction = new int[n];
        var current = new double[n];
        var deepest = new double[n];
        var top = 0.0;
        var bottom = 0.0;
        for (var i = 0; i < n; i++)
        {
            if (swings.Kind[i] == 1)
            {
                direction[i] = 1;
                top = swings.Level[i];
            }
            else if (swings.Kind[i] == -1)
            {
                direction[i] = -1;
                bottom = swings.Level[i];
            }
            else
            {
                direction[i] = i > 0 ? direction[i - 1] : 0;
            }

            // At i = 0 the reference reads the last (still zero) slot.
            var previous = i > 0 ? direction[i - 1] : 0;
            var previousDeepest = i > 0 ? deepest[i - 1] : 0;
            if (previous == 1)
            {
                current[i] = top == bottom ? 0 : Round1(100 - ((bars[i].Low - bottom) / (top - bottom) * 100));
                deepest[i] = Math.Max(previousDeepest, current[i]);
            }

            if (direction[i] == -1)
            {
                current[i] = bottom == top ? 0 : Round1(100 - ((bars[i].High - top) / (bottom - top) * 100));
                deepest[i] = Math.Max(previous == -1 ? previousDeepest : 0, current[i]);
            }
        }

        Roll(direction);
        Roll(current);
        Roll(deepest);

        var changes = 0;
        for (var i = 0; i + 1 < n; i++)
        {
            if (direction[i] != direction[i + 1])
            {
                changes++;
            }

            direction[i] = 0;
            current[i] = deepest[i] = 0;
            if (changes == 3)
            {
                direction[i + 1] = 0;
                current[i + 1] = deepest[i + 1] = 0;
                break;
            }
        }

        return new RetracementSeries(direction, current, deepest);
    }

    private static double Round1(double value) => Math.Round(value * 10, MidpointRounding.ToEven) / 10;

    private static void Roll<T>(T[] values)
    {
        if (values.Length < 2)
        {
            return;
        }

        var last = values[^1];
        Array.Copy(values, 0, values, 1, values.Length - 1);
        values[0] = last;
    }
}
