using Bitten.Contracts.Common;
using Bitten.Modules.Signals.Scoring;
using static Bitten.Modules.Signals.Detectors.StopRules;

namespace Bitten.Modules.Signals.Detectors;

/// <summary>
/// MOMENTUM_BURST (DOMAIN §5.5): the previous 10 bars span ≤ 2 × ATR; the bar's range ≥ 2 × their mean
/// range, body ≥ 60 %, close beyond the consolidation high (low), tick volume ≥ 1.5 × its 20-bar mean.
/// Stop at the consolidation's midpoint.
/// </summary>
internal sealed class MomentumBurst : IDetector
{
    public const string Name = "MOMENTUM_BURST";
    private const int Consolidation = 10;

    public string Pattern => Name;

    public DetectorCandidate? Detect(DetectorContext context, DetectorSettings settings)
    {
        if (!context.HasLookback(Consolidation + 10) || double.IsNaN(context.VolumeMean20) || context.VolumeMean20 <= 0)
        {
            return null;
        }

        double high = double.MinValue, low = double.MaxValue, ranges = 0;
        for (var k = 1; k <= Consolidation; k++)
        {
            ref readonly var b = ref context.Back(k);
            high = Math.Max(high, b.High);
            low = Math.Min(low, b.Low);
            ranges += b.Range;
        }

        var meanRange = ranges / Consolidation;
        var bar = context.Current;
        var span = (high - low) / context.Atr;
        if (span > 2 || meanRange <= 0 || bar.Range < 2 * meanRange || bar.Body < 0.6 * bar.Range || bar.TickVolume < 1.5 * context.VolumeMean20)
        {
            return null;
        }

        Side side;
        if (bar.IsBullish && bar.Close > high)
        {
            side = Side.Buy;
        }
        else if (bar.IsBearish && bar.Close < low)
        {
            side = Side.Sell;
        }
        else
        {
            return null;
        }

        var burst = bar.Range / meanRange;
        var volume = bar.TickVolume / context.VolumeMean20;
        var components = new List<ScoreComponent>
        {
            new("base", 60, "a momentum burst out of a tight consolidation"),
            new("tightness", Points(2 - span, 0, 1.5, 8), $"consolidation spanned {span:0.00} ATR"),
            new("burst", Points(burst, 2, 4, 8), $"bar range {burst:0.0}× the consolidation's mean"),
            new("body", Points(bar.Body / bar.Range, 0.6, 0.9, 6), $"body {bar.Body / bar.Range:P0} of the range"),
            new("volume", Points(volume, 1.5, 3, 8), $"tick volume {volume:0.00}× its 20-bar mean"),
        };
        return Build(context, settings, Name, side, (high + low) / 2, null, components.Sum(c => c.Points), components,
            [new KeyLevel("consolidation_high", high), new KeyLevel("consolidation_low", low)]);
    }
}
