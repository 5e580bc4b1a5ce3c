using Bitten.Contracts.Common;
using Bitten.Modules.Signals.Scoring;
using static Bitten.Modules.Signals.Detectors.StopRules;

namespace Bitten.Modules.Signals.Detectors;

/// <summary>
/// LIQUIDITY_SWEEP_REVERSAL (DOMAIN §5.1): the bar takes out an unswept swing high (low) or liquidity
/// pool by at least 0.1 × ATR and closes back inside, with the rejecting wick ≥ 50 % of its range →
/// SELL (BUY). Stop beyond the sweep extreme.
/// </summary>
internal sealed class LiquiditySweepReversal : IDetector
{
    public const string Name = "LIQUIDITY_SWEEP_REVERSAL";

    public string Pattern => Name;

    public DetectorCandidate? Detect(DetectorContext context, DetectorSettings settings)
    {
        if (!context.HasLookback(20) || context.Current.Range <= 0)
        {
            return null;
        }

        return Try(context, settings, Side.Sell) ?? Try(context, settings, Side.Buy);
    }

    private static DetectorCandidate? Try(DetectorContext context, DetectorSettings settings, Side side)
    {
        var bar = context.Current;
        var atr = context.Atr;
        var sell = side == Side.Sell;
        var wick = (sell ? bar.UpperWick : bar.LowerWick) / bar.Range;
        if (wick < 0.5)
        {
            return null;
        }

        double? level = null;
        var isPool = false;
        foreach (var swing in context.Structure.Swings)
        {
            if (!swing.Swept && swing.IsHigh == sell && Takes(bar, swing.Level, sell, atr) && Better(swing.Level, level, sell))
            {
                level = swing.Level;
                isPool = false;
            }
        }

        foreach (var pool in context.Structure.Pools)
        {
            if (!pool.Swept && pool.IsHigh == sell && Takes(bar, pool.Level, sell, atr) && (Better(pool.Level, level, sell) || pool.Level == level))
            {
                level = pool.Level;
                isPool = true;
            }
        }

        if (level is not { } swept)
        {
            return null;
        }

        var depth = (sell ? bar.High - swept : swept - bar.Low) / atr;
        var back = (sell ? swept - bar.Close : bar.Close - swept) / atr;
        var components = new List<ScoreComponent>
        {
            new("base", 62, "a swing or pool was swept and rejected"),
            new("wick", Points(wick, 0.5, 0.8, 12), $"rejecting wick {wick:P0} of the range"),
            new("sweep_depth", Points(depth, 0.1, 1.0, 8), $"swept {depth:0.00} ATR beyond the level"),
            new("close_back", Points(back, 0, 0.5, 6), $"closed {back:0.00} ATR back inside"),
        };
        if (isPool)
        {
            components.Add(new("pool", 6, "the level was a liquidity pool (several swings)"));
        }

        if (sell ? bar.IsBearish : bar.IsBullish)
        {
            components.Add(new("close_direction", 4, "the bar closed in the reversal's direction"));
        }

        return Build(context, settings, Name, side, sell ? bar.High : bar.Low, null, components.Sum(c => c.Points), components,
            [new KeyLevel("swept_level", swept), new KeyLevel(sell ? "sweep_high" : "sweep_low", sell ? bar.High : bar.Low)]);
    }

    private static bool Takes(in Candles.Candle bar, double level, bool sell, double atr) =>
        sell ? bar.High >= level + (0.1 * atr) && bar.Close < level : bar.Low <= level - (0.1 * atr) && bar.Close > level;

    // For a sell, the highest level taken is the most significant; for a buy, the lowest.
    private static bool Better(double candidate, double? current, bool sell) =>
        current is not { } c || (sell ? candidate > c : candidate < c);
}
