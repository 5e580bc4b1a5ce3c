using Bitten.Contracts.Common;
using Bitten.Modules.Signals.Scoring;
using static Bitten.Modules.Signals.Detectors.StopRules;

namespace Bitten.Modules.Signals.Detectors;

/// <summary>
/// ORDER_BLOCK_BOUNCE (DOMAIN §5.2): price returns into an unmitigated order block no older than 50 bars
/// that preceded a break of structure, and the bar closes back out of the block in its direction, body
/// ≥ 40 % of range. Stop beyond the block's far edge.
/// </summary>
internal sealed class OrderBlockBounce : IDetector
{
    public const string Name = "ORDER_BLOCK_BOUNCE";
    public const int MaxAge = 50;

    public string Pattern => Name;

    public DetectorCandidate? Detect(DetectorContext context, DetectorSettings settings)
    {
        if (!context.HasLookback(20) || context.Current.Range <= 0)
        {
            return null;
        }

        var bar = context.Current;
        var body = bar.Body / bar.Range;
        if (body < 0.4)
        {
            return null;
        }

        OrderBlockZone? best = null;
        foreach (var block in context.Structure.OrderBlocks)
        {
            var age = context.BarIndex - block.BarIndex;
            if (!block.PrecededBreak || age > MaxAge || age < 1 || block.Top <= block.Bottom)
            {
                continue;
            }

            var bounces = block.Direction == Side.Buy
                ? bar.IsBullish && bar.Low <= block.Top && bar.Low >= block.Bottom && bar.Close > block.Top
                : bar.IsBearish && bar.High >= block.Bottom && bar.High <= block.Top && bar.Close < block.Bottom;
            if (bounces && (best is null || block.BarIndex > best.Value.BarIndex))
            {
                best = block;
            }
        }

        if (best is not { } ob)
        {
            return null;
        }

        var buy = ob.Direction == Side.Buy;
        var age2 = context.BarIndex - ob.BarIndex;
        var retest = (buy ? ob.Top - bar.Low : bar.High - ob.Bottom) / (ob.Top - ob.Bottom);
        var beyond = (buy ? bar.Close - ob.Top : ob.Bottom - bar.Close) / context.Atr;
        var components = new List<ScoreComponent>
        {
            new("base", 60, "price bounced from an order block that preceded a break of structure"),
            new("body", Points(body, 0.4, 0.8, 10), $"body {body:P0} of the range"),
            new("freshness", Points(MaxAge - age2, 0, 45, 8), $"block is {age2} bars old"),
            new("retest_depth", Points(retest, 0, 1, 8), $"retested {retest:P0} into the block"),
            new("close_beyond", Points(beyond, 0, 0.5, 6), $"closed {beyond:0.00} ATR out of the block"),
        };
        return Build(context, settings, Name, ob.Direction, buy ? ob.Bottom : ob.Top, null, components.Sum(c => c.Points), components,
            [new KeyLevel("block_top", ob.Top), new KeyLevel("block_bottom", ob.Bottom)]);
    }
}
