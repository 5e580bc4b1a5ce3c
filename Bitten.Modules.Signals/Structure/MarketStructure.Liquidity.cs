using Bitten.Modules.Signals.Indicators;

namespace Bitten.Modules.Signals.Structure;

internal sealed partial class MarketStructure
{
    /// <summary>A swing just became final: it joins the oldest pool whose band holds it and that was not swept before it, or starts one.</summary>
    private void AssignToPool(in SwingPoint swing)
    {
        for (var p = 0; p < _pools.Count; p++)
        {
            ref var pool = ref _pools[p];
            if (pool.Kind != swing.Kind || (pool.IsSwept && pool.SweptAt <= swing.Index)
                || swing.Level < pool.AnchorLevel - pool.Band || swing.Level > pool.AnchorLevel + pool.Band)
            {
                continue;
            }

            var sum = pool.LevelSum + swing.Level;
            var count = pool.Count + 1;
            pool = pool with { LevelSum = sum, Count = count, Level = Level(sum / count), End = swing.Index };
            _listener?.OnLiquidityPool(in pool);
            return;
        }

        // The band and the sweep watch were set when this swing became the latest one.
        if (double.IsNaN(_provisionalBand))
        {
            return;
        }

        _pools.Add(new LiquidityPool(swing.Index, swing.Kind, swing.Level, _provisionalBand, swing.Level, swing.Level, 1, swing.Index, _provisionalSweptAt));
    }

    private void SweepPools(in PriceBar bar, long t)
    {
        for (var p = 0; p < _pools.Count; p++)
        {
            ref var pool = ref _pools[p];
            if (pool.IsSwept)
            {
                continue;
            }

            if (pool.Kind == SwingKind.High ? bar.High >= pool.AnchorLevel + pool.Band : bar.Low <= pool.AnchorLevel - pool.Band)
            {
                pool = pool with { SweptAt = t };
                if (pool.IsPool)
                {
                    _listener?.OnLiquiditySwept(in pool);
                }
            }
        }
    }
}
