using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Simulator.Market;

namespace Bitten.Simulator.Broker;

internal sealed partial class PaperBroker
{
    /// <summary>Closes all or part of a position (a <c>close</c> command): null when the position is unknown.</summary>
    public CloseReport? Close(long position, decimal? volume, long nowMs)
    {
        lock (_gate)
        {
            var p = _positions.FirstOrDefault(x => x.Ticket == position);
            if (p is null)
            {
                return null;
            }

            var lots = volume is > 0 ? Math.Min(NormaliseDown(volume.Value), p.Volume) : p.Volume;
            if (lots <= 0)
            {
                lots = p.Volume;
            }

            return CloseLocked(p, lots, ExitPrice(p), CloseReason.Server, nowMs);
        }
    }

    /// <summary>Closes every open position (a <c>close_all</c> command).</summary>
    public IReadOnlyList<CloseReport> CloseAll(long nowMs)
    {
        lock (_gate)
        {
            return [.. _positions.ToList().Select(p => CloseLocked(p, p.Volume, ExitPrice(p), CloseReason.Server, nowMs))];
        }
    }

    /// <summary>Moves a position's stop and target; null when accepted, otherwise why not (nothing changes).</summary>
    public string? Modify(long position, decimal sl, decimal tp)
    {
        lock (_gate)
        {
            var p = _positions.FirstOrDefault(x => x.Ticket == position);
            if (p is null)
            {
                return $"position {position} is not open";
            }

            var reason = WrongSide(p.Symbol, p.Side, ExitPrice(p), sl, tp);
            if (reason is not null)
            {
                return reason;
            }

            p.Sl = sl;
            p.Tp = tp;
            return null;
        }
    }

    private FireResult Execute(FireOrder order, long nowMs, long wallMs)
    {
        if (order.ExpiresTsMs > 0 && wallMs > order.ExpiresTsMs)
        {
            return FireResult.Reject(order.FireId, TradeRetcode.Rejected, $"expired at {order.ExpiresTsMs} (now {wallMs})", order.Sl, order.Tp);
        }

        if (!_profiles.TryGetValue(order.Symbol, out var profile))
        {
            return FireResult.Reject(order.FireId, TradeRetcode.Invalid, $"symbol {order.Symbol} is not traded by this account", order.Sl, order.Tp);
        }

        if (order.Side is not (Side.Buy or Side.Sell))
        {
            return FireResult.Reject(order.FireId, TradeRetcode.Invalid, "side must be BUY or SELL", order.Sl, order.Tp);
        }

        if (!_settings.OpenAtWeekends && MarketSessions.IsWeekend(DateTimeOffset.FromUnixTimeMilliseconds(nowMs))) // the demo market that stays open at weekends fills then too
        {
            return FireResult.Reject(order.FireId, TradeRetcode.MarketClosed, "market closed (weekend)", order.Sl, order.Tp);
        }

        if (!_quotes.TryGetValue(order.Symbol, out var quote))
        {
            return FireResult.Reject(order.FireId, TradeRetcode.PriceOff, $"no quote for {order.Symbol} yet", order.Sl, order.Tp);
        }

        var volume = Math.Min(NormaliseDown(order.Volume), _settings.VolumeMax);
        if (volume < _settings.VolumeMin)
        {
            return FireResult.Reject(order.FireId, TradeRetcode.InvalidVolume, $"volume {order.Volume} is below the minimum {_settings.VolumeMin} after rounding to step {_settings.VolumeStep}", order.Sl, order.Tp);
        }

        var slip = _settings.SlippagePoints * (decimal)profile.Point;
        var price = order.Side == Side.Buy ? quote.Ask + slip : quote.Bid - slip;
        var wrong = WrongSide(order.Symbol, order.Side, price, order.Sl, order.Tp);
        if (wrong is not null)
        {
            return FireResult.Reject(order.FireId, TradeRetcode.InvalidStops, wrong, order.Sl, order.Tp);
        }

        var snapshot = Snapshot();
        if (MarginLocked(order.Symbol, volume) > snapshot.FreeMargin)
        {
            return FireResult.Reject(order.FireId, TradeRetcode.NoMoney, $"not enough free margin ({snapshot.FreeMargin} {_settings.Currency})", order.Sl, order.Tp);
        }

        var ticket = ++_nextTicket;
        _positions.Add(new PaperPosition(ticket, order.FireId, order.Symbol, order.Side, volume, price, order.Sl, order.Tp, nowMs));
        return new FireResult(order.FireId, FireStatus.Filled, TradeRetcode.Done, ticket, ticket, ticket, price, volume, order.Sl, order.Tp, "done");
    }

    /// <summary>A stop or target on the wrong side of <paramref name="price"/> (or missing, or inside the stops level) is refused, never dropped.</summary>
    private string? WrongSide(string symbol, Side side, decimal price, decimal sl, decimal tp)
    {
        var minDistance = _settings.StopsLevelPoints * (decimal)_profiles[symbol].Point;
        if (sl <= 0 || tp <= 0)
        {
            return "sl and tp are required (absolute prices above zero)";
        }

        var buy = side == Side.Buy;
        if (buy ? sl >= price - minDistance : sl <= price + minDistance)
        {
            return $"sl {sl} is on the wrong side of {price} for a {(buy ? "BUY" : "SELL")}";
        }

        if (buy ? tp <= price + minDistance : tp >= price - minDistance)
        {
            return $"tp {tp} is on the wrong side of {price} for a {(buy ? "BUY" : "SELL")}";
        }

        return null;
    }

    private CloseReport CloseLocked(PaperPosition p, decimal volume, decimal price, CloseReason reason, long tsMs)
    {
        var profit = ProfitLocked(p, volume, price);
        _balance += profit;
        p.Volume -= volume;
        if (p.Volume <= 0)
        {
            _positions.Remove(p);
        }

        return new CloseReport(p.FireId, p.Ticket, p.Symbol, price, volume, profit, 0m, 0m, reason, tsMs);
    }

    private decimal ProfitLocked(PaperPosition p, decimal volume, decimal exit)
    {
        var profile = _profiles[p.Symbol];
        var move = (exit - p.OpenPrice) * (p.Side == Side.Buy ? 1 : -1);
        return Math.Round(move * volume * (decimal)profile.ContractSize * ToAccount(profile.ProfitCurrency), 2);
    }

    private decimal MarginLocked(string symbol, decimal volume)
    {
        var profile = _profiles[symbol];
        return volume * (decimal)profile.ContractSize * ToAccount(profile.Symbol[..3]) / _settings.Leverage;
    }

    private decimal NormaliseDown(decimal volume) => Math.Floor(volume / _settings.VolumeStep) * _settings.VolumeStep;
}
