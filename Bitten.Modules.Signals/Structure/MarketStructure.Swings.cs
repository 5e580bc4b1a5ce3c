using Bitten.Modules.Signals.Indicators;

namespace Bitten.Modules.Signals.Structure;

internal sealed partial class MarketStructure
{
    private long _lastHighIndex = -1;
    private long _lastLowIndex = -1;
    private double _provisionalReach = double.NaN;
    private double _provisionalBand = double.NaN;
    private long _provisionalSweptAt = -1;

    private void DetectSwing(long t)
    {
        var length = _options.SwingLength;
        var k = t - length;
        if (k < (2 * length) - 1)
        {
            return;
        }

        var high = double.MinValue;
        var low = double.MaxValue;
        for (var j = k - length + 1; j <= t; j++)
        {
            high = Math.Max(high, BarAt(j).High);
            low = Math.Min(low, BarAt(j).Low);
        }

        ref readonly var bar = ref BarAt(k);
        var kind = bar.High == high ? SwingKind.High : bar.Low == low ? SwingKind.Low : SwingKind.None;
        if (kind == SwingKind.None)
        {
            return;
        }

        var level = kind == SwingKind.High ? bar.High : bar.Low;
        var swing = new SwingPoint(k, kind, level, t);
        var hasLast = _swings.Count > 0;
        ref var last = ref hasLast ? ref _swings[_swings.Count - 1] : ref swing;
        if (hasLast && last.Kind == kind)
        {
            var moreExtreme = kind == SwingKind.High ? level > last.Level : level < last.Level;
            if (!moreExtreme)
            {
                return;
            }

            last = swing;
            OnNewLatestSwing(in swing, t, replaces: true);
            return;
        }

        if (hasLast)
        {
            last = last with { IsFinal = true };
            AssignToPool(in last);
        }

        _swings.Add(in swing);
        OnNewLatestSwing(in swing, t, replaces: false);
    }

    private void OnNewLatestSwing(in SwingPoint swing, long t, bool replaces)
    {
        if (swing.Kind == SwingKind.High)
        {
            _lastHighIndex = swing.Index;
        }
        else
        {
            _lastLowIndex = swing.Index;
        }

        ResetBlockCandle(swing.Kind == SwingKind.High ? Bias.Bullish : Bias.Bearish, swing.Index, t);
        _provisionalBand = _options.LiquidityBand ?? (_options.LiquidityRange * _atr.Value);
        _provisionalReach = swing.Kind == SwingKind.High ? swing.Level + _provisionalBand : swing.Level - _provisionalBand;
        _provisionalSweptAt = -1;
        _listener?.OnSwing(in swing, replaces);
    }

    private SwingPoint? FindSwing(long index)
    {
        var position = SwingPosition(index);
        return position < 0 ? null : _swings[position];
    }

    private int SwingPosition(long index)
    {
        if (index < 0)
        {
            return -1;
        }

        for (var p = _swings.Count - 1; p >= 0; p--)
        {
            if (_swings[p].Index == index)
            {
                return p;
            }

            if (_swings[p].Index < index)
            {
                break;
            }
        }

        return -1;
    }

    private void TrackSweeps(in PriceBar bar, long t)
    {
        for (var p = 0; p < _swings.Count; p++)
        {
            ref var swing = ref _swings[p];
            if (!swing.IsSwept && swing.KnownAt < t
                && (swing.Kind == SwingKind.High ? bar.High > swing.Level : bar.Low < swing.Level))
            {
                swing = swing with { SweptAt = t };
            }
        }

        if (_provisionalSweptAt < 0 && _swings.Count > 0 && !double.IsNaN(_provisionalReach)
            && (_swings[_swings.Count - 1].Kind == SwingKind.High ? bar.High >= _provisionalReach : bar.Low <= _provisionalReach))
        {
            _provisionalSweptAt = t;
        }

        SweepPools(in bar, t);
    }
}
