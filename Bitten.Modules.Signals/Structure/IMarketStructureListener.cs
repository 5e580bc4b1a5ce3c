namespace Bitten.Modules.Signals.Structure;

/// <summary>Optional observer of <see cref="MarketStructure"/>'s changes as they happen; implement only what you need.</summary>
internal interface IMarketStructureListener
{
    /// <summary>A swing became known; <paramref name="replacesPrevious"/> when it replaces the provisional swing of the same run.</summary>
    void OnSwing(in SwingPoint swing, bool replacesPrevious)
    {
    }

    void OnFairValueGap(in FairValueGap gap)
    {
    }

    /// <summary>Join mode: this gap was absorbed into the next one (which is reported through <see cref="OnFairValueGap"/>).</summary>
    void OnFairValueGapMerged(in FairValueGap gap)
    {
    }

    void OnFairValueGapMitigated(in FairValueGap gap)
    {
    }

    void OnOrderBlock(in OrderBlock block)
    {
    }

    void OnOrderBlockMitigated(in OrderBlock block)
    {
    }

    /// <summary>Price went back beyond a mitigated block's near side; the block leaves the live list.</summary>
    void OnOrderBlockInvalidated(in OrderBlock block)
    {
    }

    void OnStructureBreak(in StructureBreak structureBreak)
    {
    }

    /// <summary>A pool formed or grew (Count ≥ 2).</summary>
    void OnLiquidityPool(in LiquidityPool pool)
    {
    }

    void OnLiquiditySwept(in LiquidityPool pool)
    {
    }
}
