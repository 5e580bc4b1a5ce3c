using Bitten.Modules.Signals.Structure;

namespace Bitten.Modules.Signals.Tests.Structure;

/// <summary>Rebuilds the whole history live mode reported, to compare it with reference mode at the end.</summary>
internal sealed class RecordingListener : IMarketStructureListener
{
    private long _latestSwing = -1;

    public SortedDictionary<long, SwingPoint> Swings { get; } = [];

    public SortedDictionary<long, FairValueGap> Gaps { get; } = [];

    public SortedDictionary<(long Index, Bias Direction), OrderBlock> Blocks { get; } = [];

    public List<OrderBlock> InvalidatedBlocks { get; } = [];

    public List<StructureBreak> Breaks { get; } = [];

    public SortedDictionary<long, LiquidityPool> Pools { get; } = [];

    public void OnSwing(in SwingPoint swing, bool replacesPrevious)
    {
        if (replacesPrevious)
        {
            Swings.Remove(_latestSwing);
        }

        Swings[swing.Index] = swing;
        _latestSwing = swing.Index;
    }

    public void OnFairValueGap(in FairValueGap gap) => Gaps[gap.Index] = gap;

    public void OnFairValueGapMerged(in FairValueGap gap) => Gaps.Remove(gap.Index);

    public void OnFairValueGapMitigated(in FairValueGap gap) => Gaps[gap.Index] = gap;

    public void OnOrderBlock(in OrderBlock block) => Blocks[(block.Index, block.Direction)] = block;

    public void OnOrderBlockMitigated(in OrderBlock block) => Blocks[(block.Index, block.Direction)] = block;

    public void OnOrderBlockInvalidated(in OrderBlock block)
    {
        Blocks.Remove((block.Index, block.Direction));
        InvalidatedBlocks.Add(block);
    }

    public void OnStructureBreak(in StructureBreak structureBreak) => Breaks.Add(structureBreak);

    public void OnLiquidityPool(in LiquidityPool pool) => Pools[pool.Index] = pool;

    public void OnLiquiditySwept(in LiquidityPool pool) => Pools[pool.Index] = pool;
}
