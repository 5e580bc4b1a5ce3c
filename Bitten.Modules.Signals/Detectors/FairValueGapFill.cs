using Bitten.Contracts.Common;
using Bitten.Modules.Signals.Scoring;
using static Bitten.Modules.Signals.Detectors.StopRules;

namespace Bitten.Modules.Signals.Detectors;

/// <summary>
/// FAIR_VALUE_GAP_FILL (DOMAIN §5.3): an unmitigated fair value gap no older than 20 bars is re-entered
/// to at least its midpoint and the bar closes back out on the gap's side. Stop beyond the gap's far
/// edge (a bar that trades through the far edge has broken the gap and does not count).
/// </summary>
internal sealed class FairValueGapFill : IDetector
{
    public const string Name = "FAIR_VALUE_GAP_FILL";
    public const int MaxAge = 20;

    public string Pattern => Name;

    public DetectorCandidate? Detect(DetectorContext context, DetectorSettings settings)
    {
        if (!context.HasLookback(20) || context.Current.Range <= 0)
        {
            return null;
        }

        var bar = context.Current;
        GapZone? best = null;
        foreach (var gap in context.Structure.Gaps)
        {
            var age = context.BarIndex - gap.BarIndex;
            if (age > MaxAge || age < 2 || gap.Top <= gap.Bottom)
            {
                continue;
            }

            var fills = gap.Direction == Side.Buy
                ? bar.Low <= gap.Mid && bar.Low >= gap.Bottom && bar.Close > gap.Top
                : bar.High >= gap.Mid && bar.High <= gap.Top && bar.Close < gap.Bottom;
            if (fills && (best is null || gap.BarIndex > best.Value.BarIndex))
            {
                best = gap;
            }
        }

        if (best is not { } g)
        {
            return null;
        }

        var buy = g.Direction == Side.Buy;
        var age2 = context.BarIndex - g.BarIndex;
        var depth = (buy ? g.Top - bar.Low : bar.High - g.Bottom) / (g.Top - g.Bottom);
        var size = (g.Top - g.Bottom) / context.Atr;
        var close = (buy ? bar.Close - g.Top : g.Bottom - bar.Close) / context.Atr;
        var components = new List<ScoreComponent>
        {
            new("base", 60, "an unmitigated fair value gap was filled and rejected"),
            new("fill_depth", Points(depth, 0.5, 1, 8), $"filled {depth:P0} of the gap"),
            new("gap_size", Points(size, 0.1, 0.8, 8), $"gap is {size:0.00} ATR tall"),
            new("freshness", Points(MaxAge - age2, 0, 18, 6), $"gap is {age2} bars old"),
            new("close_beyond", Points(close, 0, 0.5, 6), $"closed {close:0.00} ATR beyond the gap"),
        };
        return Build(context, settings, Name, g.Direction, buy ? g.Bottom : g.Top, null, components.Sum(c => c.Points), components,
            [new KeyLevel("gap_top", g.Top), new KeyLevel("gap_bottom", g.Bottom)]);
    }
}
