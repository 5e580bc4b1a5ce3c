using Bitten.Contracts.Common;
using Bitten.Modules.Signals.Scoring;
using static Bitten.Modules.Signals.Detectors.StopRules;

namespace Bitten.Modules.Signals.Detectors;

/// <summary>
/// BB_SCALP (DOMAIN §5.6): the bar pierces the outer band and closes back inside, RSI(14) ≥ 70 (SELL) or
/// ≤ 30 (BUY), rejecting wick ≥ 50 %. Target the middle band; stop beyond the extreme.
/// </summary>
internal sealed class BollingerScalp : IDetector
{
    public const string Name = "BB_SCALP";

    public string Pattern => Name;

    public DetectorCandidate? Detect(DetectorContext context, DetectorSettings settings)
    {
        var last = context.Count - 1;
        if (!context.HasLookback(20) || double.IsNaN(context.Rsi) || double.IsNaN(context.BbUpper[last]) || context.Current.Range <= 0)
        {
            return null;
        }

        var bar = context.Current;
        var upper = context.BbUpper[last];
        var lower = context.BbLower[last];
        var middle = context.BbMiddle[last];
        var sell = bar.High > upper && bar.Close < upper && context.Rsi >= 70 && bar.UpperWick >= 0.5 * bar.Range;
        var buy = bar.Low < lower && bar.Close > lower && context.Rsi <= 30 && bar.LowerWick >= 0.5 * bar.Range;
        if (sell == buy)
        {
            return null;
        }

        var side = sell ? Side.Sell : Side.Buy;
        var wick = (sell ? bar.UpperWick : bar.LowerWick) / bar.Range;
        var extremity = sell ? context.Rsi - 70 : 30 - context.Rsi;
        var pierce = (sell ? bar.High - upper : lower - bar.Low) / context.Atr;
        var components = new List<ScoreComponent>
        {
            new("base", 58, "the outer band was pierced and rejected at an RSI extreme"),
            new("rsi", Points(extremity, 0, 15, 10), $"RSI {context.Rsi:0.0}"),
            new("wick", Points(wick, 0.5, 0.8, 10), $"rejecting wick {wick:P0} of the range"),
            new("pierce", Points(pierce, 0, 0.5, 6), $"pierced the band by {pierce:0.00} ATR"),
        };
        return Build(context, settings, Name, side, sell ? bar.High : bar.Low, middle, components.Sum(c => c.Points), components,
            [new KeyLevel("band_upper", upper), new KeyLevel("band_middle", middle), new KeyLevel("band_lower", lower)]);
    }
}
