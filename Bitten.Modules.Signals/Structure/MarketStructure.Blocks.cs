using Bitten.Modules.Signals.Indicators;

namespace Bitten.Modules.Signals.Structure;

internal sealed partial class MarketStructure
{
    // The would-be block candle since the latest swing high (lowest low, ties -> latest) and low (highest high).
    private long _bullCandle = -1;
    private PriceBar _bullCandleBar;
    private long _bearCandle = -1;
    private PriceBar _bearCandleBar;

    private void ResetBlockCandle(Bias side, long swingIndex, long t)
    {
        var candle = -1L;
        var best = default(PriceBar);
        for (var j = swingIndex + 1; j < t; j++)
        {
            ref readonly var bar = ref BarAt(j);
            if (candle < 0 || (side == Bias.Bullish ? bar.Low <= best.Low : bar.High >= best.High))
            {
                candle = j;
                best = bar;
            }
        }

        if (side == Bias.Bullish)
        {
            (_bullCandle, _bullCandleBar) = (candle, best);
        }
        else
        {
            (_bearCandle, _bearCandleBar) = (candle, best);
        }
    }

    private void TrackBlockCandles(in PriceBar bar, long t)
    {
        if (_lastHighIndex >= 0 && t > _lastHighIndex && (_bullCandle < 0 || bar.Low <= _bullCandleBar.Low))
        {
            (_bullCandle, _bullCandleBar) = (t, bar);
        }

        if (_lastLowIndex >= 0 && t > _lastLowIndex && (_bearCandle < 0 || bar.High >= _bearCandleBar.High))
        {
            (_bearCandle, _bearCandleBar) = (t, bar);
        }
    }

    private void MaintainBlocks(in PriceBar bar, long t)
    {
        for (var p = 0; p < _blocks.Count; p++)
        {
            ref var block = ref _blocks[p];
            var bullish = block.Direction == Bias.Bullish;
            if (block.IsMitigated)
            {
                if (bullish ? bar.High > block.Top : bar.Low < block.Bottom)
                {
                    var invalidated = block;
                    _blocks.RemoveAt(p--);
                    _listener?.OnOrderBlockInvalidated(in invalidated);
                }
            }
            else if (bullish ? bar.Low < block.Bottom : bar.High > block.Top)
            {
                block = block with { MitigatedAt = t };
                _listener?.OnOrderBlockMitigated(in block);
            }
        }
    }

    private void CheckBreaks(in PriceBar bar, long t)
    {
        var high = SwingPosition(_lastHighIndex);
        if (high >= 0 && !_swings[high].IsBroken && bar.Close > _swings[high].Level)
        {
            Break(high, Bias.Bullish, t);
        }

        var low = SwingPosition(_lastLowIndex);
        if (low >= 0 && !_swings[low].IsBroken && bar.Close < _swings[low].Level)
        {
            Break(low, Bias.Bearish, t);
        }
    }

    private void Break(int swingPosition, Bias direction, long t)
    {
        ref var swing = ref _swings[swingPosition];
        swing = swing with { BrokenAt = t };
        var kind = (int)Trend == -(int)direction ? StructureBreakKind.ChangeOfCharacter : StructureBreakKind.BreakOfStructure;
        var structureBreak = new StructureBreak(kind, direction, swing.Index, swing.Level, t);
        Trend = direction;
        LastBreak = structureBreak;
        if (kind == StructureBreakKind.BreakOfStructure)
        {
            LastBreakOfStructure = structureBreak;
            for (var p = 0; p < _blocks.Count; p++)
            {
                ref var block = ref _blocks[p];
                if (block.Direction == direction && !block.FollowedByBos)
                {
                    block = block with { FollowedByBos = true };
                }
            }
        }
        else
        {
            LastChangeOfCharacter = structureBreak;
        }

        _listener?.OnStructureBreak(in structureBreak);
        AddBlock(direction, swing.Index, t, kind);
    }

    private void AddBlock(Bias direction, long swingIndex, long t, StructureBreakKind kind)
    {
        var bullish = direction == Bias.Bullish;
        var candle = bullish ? _bullCandle : _bearCandle;
        ref readonly var bar = ref bullish ? ref _bullCandleBar : ref _bearCandleBar;
        if (candle < 0)
        {
            // No bar between the swing and the break (impossible for a swing of length >= 1, kept for safety).
            candle = t - 1;
            bar = ref BarAt(candle);
        }

        var block = new OrderBlock(candle, direction, Level(bar.High), Level(bar.Low), swingIndex, t, kind);
        _blocks.Add(in block);
        _listener?.OnOrderBlock(in block);
    }
}
