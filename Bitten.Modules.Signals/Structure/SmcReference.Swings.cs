using Bitten.Modules.Signals.Indicators;

namespace Bitten.Modules.Signals.Structure;

internal static partial class SmcReference
{
    /// <summary>
    /// Swing highs/lows: a candidate high is the maximum of the asymmetric window i-L+1..i+L (low: the
    /// minimum), eligible for 2L-1 &lt;= i &lt;= n-1-L (a bar that is both counts as a high); each run of
    /// same-type candidates collapses to its extreme (earliest on ties); rows 0 and n-1 are then forced
    /// to the opposite of the first / last swing.
    /// </summary>
    public static SwingSeries SwingHighsLows(ReadOnlySpan<PriceBar> bars, int swingLength = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(swingLength, 1);
        var n = bars.Length;
        var kind = new int[n];
        var level = new double[n];
        Array.Fill(level, double.NaN);

        var runKind = 0;
        var runBest = -1;
        var first = 0;
        var last = 0;
        for (var i = (2 * swingLength) - 1; i <= n - 1 - swingLength; i++)
        {
            var candidate = CandidateKind(bars, i, swingLength);
            if (candidate == 0)
            {
                continue;
            }

            if (candidate != runKind)
            {
                if (runBest >= 0)
                {
                    kind[runBest] = runKind;
                }

                runKind = candidate;
                runBest = i;
                continue;
            }

            if ((candidate == 1 && bars[i].High > bars[runBest].High) || (candidate == -1 && bars[i].Low < bars[runBest].Low))
            {
                runBest = i;
            }
        }

        if (runBest >= 0)
        {
            kind[runBest] = runKind;
        }

        for (var i = 0; i < n; i++)
        {
            if (kind[i] != 0)
            {
                first = first == 0 ? kind[i] : first;
                last = kind[i];
            }
        }

        if (first != 0 && n >= 2)
        {
            kind[0] = -first;
            kind[n - 1] = -last;
        }

        for (var i = 0; i < n; i++)
        {
            level[i] = kind[i] switch { 1 => bars[i].High, -1 => bars[i].Low, _ => double.NaN };
        }

        return new SwingSeries(kind, level);
    }

    /// <summary>1 when bar i is the highest of i-L+1..i+L, else -1 when it is the lowest, else 0.</summary>
    internal static int CandidateKind(ReadOnlySpan<PriceBar> bars, int i, int swingLength)
    {
        var high = double.MinValue;
        var low = double.MaxValue;
        for (var j = i - swingLength + 1; j <= i + swingLength; j++)
        {
            high = Math.Max(high, bars[j].High);
            low = Math.Min(low, bars[j].Low);
        }

        return bars[i].High == high ? 1 : bars[i].Low == low ? -1 : 0;
    }
}
