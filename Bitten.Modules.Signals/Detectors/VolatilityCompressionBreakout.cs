using Bitten.Contracts.Common;
using Bitten.Modules.Signals.Scoring;
using static Bitten.Modules.Signals.Detectors.StopRules;

namespace Bitten.Modules.Signals.Detectors;

/// <summary>
/// VCB_BREAKOUT (DOMAIN §5.4): Bollinger Bands inside Keltner Channels for ≥ 6 consecutive bars
/// (compression), then a close beyond both upper (lower) bands with range ≥ 1.2 × ATR and tick volume
/// ≥ 1.3 × its 20-bar mean. Stop at the compression range's opposite side or 1 × ATR, whichever is nearer.
/// </summary>
internal sealed class VolatilityCompressionBreakout : IDetector
{
    public const string Name = "VCB_BREAKOUT";
    public const int MinCompression = 6;

    public string Pattern => Name;

    public DetectorCandidate? Detect(DetectorContext context, DetectorSettings settings)
    {
        if (!context.HasLookback(30) || double.IsNaN(context.VolumeMean20) || context.VolumeMean20 <= 0)
        {
            return null;
        }

        var last = context.Count - 1;
        if (double.IsNaN(context.BbUpper[last]) || double.IsNaN(context.KcUpper[last]))
        {
            return null;
        }

        var length = 0;
        double low = double.MaxValue, high = double.MinValue;
        for (var i = last - 1; i >= 0 && Inside(context, i); i--)
        {
            length++;
            low = Math.Min(low, context.Bars[i].Low);
            high = Math.Max(high, context.Bars[i].High);
        }

        var bar = context.Current;
        var rangeAtr = bar.Range / context.Atr;
        var volume = bar.TickVolume / context.VolumeMean20;
        if (length < MinCompression || rangeAtr < 1.2 || volume < 1.3)
        {
            return null;
        }

        Side side;
        if (bar.Close > context.BbUpper[last] && bar.Close > context.KcUpper[last])
        {
            side = Side.Buy;
        }
        else if (bar.Close < context.BbLower[last] && bar.Close < context.KcLower[last])
        {
            side = Side.Sell;
        }
        else
        {
            return null;
        }

        var buy = side == Side.Buy;
        var oneAtr = buy ? bar.Close - context.Atr : bar.Close + context.Atr;
        var structural = buy ? Math.Max(low, oneAtr) : Math.Min(high, oneAtr); // whichever is nearer
        var location = bar.Range == 0 ? 0 : (buy ? bar.Close - bar.Low : bar.High - bar.Close) / bar.Range;
        var components = new List<ScoreComponent>
        {
            new("base", 60, $"breakout after {length} bars of Bollinger-inside-Keltner compression"),
            new("compression", Points(length, MinCompression, 20, 8), $"{length} bars of compression"),
            new("range", Points(rangeAtr, 1.2, 2.5, 8), $"breakout bar range {rangeAtr:0.00} ATR"),
            new("volume", Points(volume, 1.3, 2.5, 8), $"tick volume {volume:0.00}× its 20-bar mean"),
            new("close_location", Points(location, 0.6, 1, 6), $"closed in the outer {location:P0} of the bar"),
        };
        return Build(context, settings, Name, side, structural, null, components.Sum(c => c.Points), components,
            [new KeyLevel("compression_high", high), new KeyLevel("compression_low", low)]);
    }

    private static bool Inside(DetectorContext c, int i) =>
        !double.IsNaN(c.BbUpper[i]) && !double.IsNaN(c.KcUpper[i]) && c.BbUpper[i] < c.KcUpper[i] && c.BbLower[i] > c.KcLower[i];
}
