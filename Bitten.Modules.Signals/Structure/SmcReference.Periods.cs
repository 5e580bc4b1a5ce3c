using Bitten.Modules.Signals.Indicators;

namespace Bitten.Modules.Signals.Structure;

internal static partial class SmcReference
{
    private const long MsPerHour = 3_600_000;
    private const long MsPerDay = 24 * MsPerHour;

    /// <summary>
    /// Previous period's high/low as the reference computes it: periods bucketed like pandas' resample
    /// (4h and 1D labelled by their start, weeks Monday..Sunday labelled by the Sunday); a bar refers to the
    /// period two labels back among those strictly earlier than itself (so the previous period, except on a
    /// period's first bar, and for weeks usually the week before the previous one). Broken flags compare the
    /// running extreme since the reference period started applying with the float32 level.
    /// </summary>
    public static PreviousHighLowSeries PreviousHighLow(ReadOnlySpan<PriceBar> bars, ReferencePeriod period)
    {
        var n = bars.Length;
        var labels = new List<long>();
        var highs = new List<double>();
        var lows = new List<double>();
        foreach (var bar in bars)
        {
            var label = PeriodLabel(bar.OpenTimeMs, period);
            if (labels.Count > 0 && labels[^1] == label)
            {
                highs[^1] = Math.Max(highs[^1], bar.High);
                lows[^1] = Math.Min(lows[^1], bar.Low);
            }
            else
            {
                labels.Add(label);
                highs.Add(bar.High);
                lows.Add(bar.Low);
            }
        }

        var result = new PreviousHighLowSeries(new float[n], new float[n], new bool[n], new bool[n]);
        var earlier = 0;
        var group = -1;
        var runHigh = double.MinValue;
        var runLow = double.MaxValue;
        for (var i = 0; i < n; i++)
        {
            while (earlier < labels.Count && labels[earlier] < bars[i].OpenTimeMs)
            {
                earlier++;
            }

            var reference = earlier - 2;
            if (reference < 0)
            {
                result.PreviousHigh[i] = result.PreviousLow[i] = float.NaN;
                group = -1;
                continue;
            }

            if (reference != group)
            {
                group = reference;
                runHigh = double.MinValue;
                runLow = double.MaxValue;
            }

            runHigh = Math.Max(runHigh, bars[i].High);
            runLow = Math.Min(runLow, bars[i].Low);
            result.PreviousHigh[i] = (float)highs[reference];
            result.PreviousLow[i] = (float)lows[reference];
            result.BrokenHigh[i] = runHigh > result.PreviousHigh[i];
            result.BrokenLow[i] = runLow < result.PreviousLow[i];
        }

        return result;
    }

    /// <summary>The pandas resample label of the period holding this time (the file's clock, no zone conversion).</summary>
    internal static long PeriodLabel(long openTimeMs, ReferencePeriod period)
    {
        var day = Math.DivRem(openTimeMs, MsPerDay, out var rest);
        if (rest < 0)
        {
            day--;
        }

        return period switch
        {
            ReferencePeriod.FourHours => openTimeMs - (((openTimeMs % (4 * MsPerHour)) + (4 * MsPerHour)) % (4 * MsPerHour)),
            ReferencePeriod.Day => day * MsPerDay,

            // 1970-01-01 was a Thursday (day 0); Sunday is (day + 4) % 7 == 0.
            ReferencePeriod.Week => (day + ((7 - (int)(((day + 4) % 7 + 7) % 7)) % 7)) * MsPerDay,
            _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Expected FourHours, Day or Week."),
        };
    }

    /// <summary>
    /// Session activity with the running high/low of the current session (restarting each session);
    /// inactive bars carry 0. Levels are float32 as in the reference.
    /// </summary>
    public static SessionSeries Sessions(ReadOnlySpan<PriceBar> bars, SessionWindow window)
    {
        var n = bars.Length;
        var result = new SessionSeries(new bool[n], new float[n], new float[n]);
        for (var i = 0; i < n; i++)
        {
            if (!window.Contains(bars[i].OpenTimeMs))
            {
                continue;
            }

            result.Active[i] = true;
            var continues = i > 0 && result.Active[i - 1];
            result.High[i] = (float)Math.Max(bars[i].High, continues ? result.High[i - 1] : 0);
            result.Low[i] = (float)(continues ? Math.Min(bars[i].Low, result.Low[i - 1]) : bars[i].Low);
        }

        return result;
    }
}
