using Bitten.Contracts.Common;

namespace Bitten.Modules.Signals.Publishing;

/// <summary>
/// Per-symbol limits (DOMAIN §5): at most one signal per 5 minutes and 3 per clock hour, and one open
/// (unresolved) signal per symbol and side. Owned by the engine thread; the tracker reports resolutions.
/// </summary>
internal sealed class SignalGate(int symbols, long minSpacingMs = 5 * 60_000, int maxPerHour = 3)
{
    private const long HourMs = 3_600_000;
    private readonly long[] _lastMs = Enumerable.Repeat(long.MinValue, symbols).ToArray();
    private readonly long[] _hour = new long[symbols];
    private readonly int[] _inHour = new int[symbols];
    private readonly int[] _openBuy = new int[symbols];
    private readonly int[] _openSell = new int[symbols];

    public string? Refusal(int symbol, Side side, long tsMs)
    {
        if (_lastMs[symbol] != long.MinValue && tsMs - _lastMs[symbol] < minSpacingMs)
        {
            return "a signal on this symbol in the last 5 minutes";
        }

        if (_hour[symbol] == tsMs / HourMs && _inHour[symbol] >= maxPerHour)
        {
            return $"{maxPerHour} signals on this symbol this hour";
        }

        return (side == Side.Buy ? _openBuy[symbol] : _openSell[symbol]) > 0 ? $"an open {side} signal on this symbol" : null;
    }

    public void Record(int symbol, Side side, long tsMs)
    {
        _lastMs[symbol] = tsMs;
        var hour = tsMs / HourMs;
        if (_hour[symbol] != hour)
        {
            _hour[symbol] = hour;
            _inHour[symbol] = 0;
        }

        _inHour[symbol]++;
        if (side == Side.Buy)
        {
            _openBuy[symbol]++;
        }
        else
        {
            _openSell[symbol]++;
        }
    }

    public void Resolved(int symbol, Side side)
    {
        if (side == Side.Buy)
        {
            _openBuy[symbol] = Math.Max(0, _openBuy[symbol] - 1);
        }
        else
        {
            _openSell[symbol] = Math.Max(0, _openSell[symbol] - 1);
        }
    }
}
