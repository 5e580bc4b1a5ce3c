using Bitten.Modules.Signals.Indicators;

namespace Bitten.Modules.Signals.Structure;

/// <summary>
/// Live ("causal") market structure for one symbol and timeframe, updated once per closed bar with
/// <see cref="Update"/>: the reference definitions of <see cref="SmcReference"/> restricted to what is
/// knowable at each bar. Swings are known SwingLength bars after their bar; gaps one bar after their
/// middle bar; order blocks and BOS/CHOCH at the breaking close; liquidity pools when their swings are
/// final. Every list is preallocated and bounded: no allocation per bar. Not thread-safe: one owner
/// updates and reads it (the detector loop of its symbol).
/// </summary>
internal sealed partial class MarketStructure
{
    private readonly MarketStructureOptions _options;
    private readonly IMarketStructureListener? _listener;
    private readonly PriceBar[] _ring;
    private readonly Atr _atr;
    private readonly BoundedList<SwingPoint> _swings;
    private readonly BoundedList<FairValueGap> _gaps;
    private readonly BoundedList<OrderBlock> _blocks;
    private readonly BoundedList<LiquidityPool> _pools;

    public MarketStructure(MarketStructureOptions? options = null, IMarketStructureListener? listener = null)
    {
        _options = options ?? new MarketStructureOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.SwingLength, 1);

        // Swings alternate high/low, so the last two entries always hold the latest high and the latest low.
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.SwingCapacity, 2);
        _listener = listener;
        _ring = new PriceBar[(2 * _options.SwingLength) + 2];
        _atr = new Atr(_options.LiquidityAtrPeriod);
        _swings = new BoundedList<SwingPoint>(_options.SwingCapacity);
        _gaps = new BoundedList<FairValueGap>(_options.GapCapacity);
        _blocks = new BoundedList<OrderBlock>(_options.BlockCapacity);
        _pools = new BoundedList<LiquidityPool>(_options.PoolCapacity);
    }

    public MarketStructureOptions Options => _options;

    /// <summary>Index of the latest bar (0-based), -1 before the first.</summary>
    public long CurrentIndex { get; private set; } = -1;

    /// <summary>Recent swings, oldest first; the last one may be provisional.</summary>
    public ReadOnlySpan<SwingPoint> Swings => _swings.Items;

    /// <summary>Unmitigated fair value gaps, oldest first, plus those the current bar mitigated (<c>MitigatedAt == CurrentIndex</c>).</summary>
    public ReadOnlySpan<FairValueGap> FairValueGaps => _gaps.Items;

    /// <summary>Live order blocks (unmitigated, or mitigated but not yet invalidated), oldest first.</summary>
    public ReadOnlySpan<OrderBlock> OrderBlocks => _blocks.Items;

    /// <summary>Liquidity candidates and pools (<see cref="LiquidityPool.IsPool"/>), swept or not, oldest first.</summary>
    public ReadOnlySpan<LiquidityPool> LiquidityPools => _pools.Items;

    /// <summary>Direction of the last structure break (None before the first).</summary>
    public Bias Trend { get; private set; }

    public StructureBreak? LastBreak { get; private set; }

    public StructureBreak? LastBreakOfStructure { get; private set; }

    public StructureBreak? LastChangeOfCharacter { get; private set; }

    /// <summary>The latest swing high / low known (provisional or final), if any.</summary>
    public SwingPoint? LastSwingHigh => FindSwing(_lastHighIndex);

    public SwingPoint? LastSwingLow => FindSwing(_lastLowIndex);

    /// <summary>ATR used for the liquidity band (NaN until ready).</summary>
    public double Atr => _atr.Value;

    public void Update(in PriceBar bar)
    {
        PruneMitigatedGaps();
        CurrentIndex++;
        var t = CurrentIndex;
        _ring[t % _ring.Length] = bar;
        _atr.Update(bar);

        DetectSwing(t);
        MaintainBlocks(in bar, t);
        CheckBreaks(in bar, t);
        DetectGap(t);
        MitigateGaps(in bar, t);
        TrackSweeps(in bar, t);
        TrackBlockCandles(in bar, t);
    }

    private ref readonly PriceBar BarAt(long index) => ref _ring[index % _ring.Length];

    private double Level(double value) => _options.RoundLevelsToFloat32 ? (float)value : value;
}
