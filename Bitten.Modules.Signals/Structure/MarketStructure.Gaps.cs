using Bitten.Modules.Signals.Indicators;

namespace Bitten.Modules.Signals.Structure;

internal sealed partial class MarketStructure
{
    private void DetectGap(long t)
    {
        if (t < 2)
        {
            return;
        }

        var (direction, top, bottom) = SmcReference.FvgAt(BarAt(t - 2), BarAt(t - 1), BarAt(t));
        if (direction == 0)
        {
            return;
        }

        if (_options.JoinConsecutiveGaps && _gaps.Count > 0)
        {
            var previous = _gaps[_gaps.Count - 1];
            if (previous.Index == t - 2 && (int)previous.Direction == direction)
            {
                top = Math.Max(top, previous.Top);
                bottom = Math.Min(bottom, previous.Bottom);
                _gaps.RemoveAt(_gaps.Count - 1);
                _listener?.OnFairValueGapMerged(in previous);
            }
        }

        var gap = new FairValueGap(t - 1, (Bias)direction, top, bottom, t);
        _gaps.Add(in gap);
        _listener?.OnFairValueGap(in gap);
    }

    // Gaps mitigated by the previous bar stay visible for one bar (so a detector sees the fill), then go.
    private void PruneMitigatedGaps()
    {
        for (var p = 0; p < _gaps.Count; p++)
        {
            if (_gaps[p].IsMitigated)
            {
                _gaps.RemoveAt(p--);
            }
        }
    }

    private void MitigateGaps(in PriceBar bar, long t)
    {
        for (var p = 0; p < _gaps.Count; p++)
        {
            ref var gap = ref _gaps[p];
            if (gap.Index > t - 2 || gap.IsMitigated)
            {
                continue;
            }

            if (gap.Direction == Bias.Bullish ? bar.Low <= gap.Top : bar.High >= gap.Bottom)
            {
                gap = gap with { MitigatedAt = t };
                _listener?.OnFairValueGapMitigated(in gap);
            }
        }
    }
}
