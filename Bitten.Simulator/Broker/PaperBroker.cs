using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Simulator.Market;

namespace Bitten.Simulator.Broker;

/// <summary>
/// A paper trading account that behaves like an MT5 terminal under the EA: market fills at the ask
/// (BUY) or bid (SELL) plus adverse slippage, stops and targets honoured on later ticks (the stop is
/// checked first within a tick), close / modify / close all, balance and equity in the account
/// currency with each symbol's profit converted at current prices. Thread-safe (one lock).
/// </summary>
internal sealed partial class PaperBroker
{
    private readonly Lock _gate = new();
    private readonly PaperBrokerSettings _settings;
    private readonly Dictionary<string, SymbolProfile> _profiles;
    private readonly Dictionary<string, (decimal Bid, decimal Ask, long TsMs)> _quotes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FireResult> _fires = new(StringComparer.Ordinal);
    private readonly Queue<string> _fireOrder = new();
    private readonly List<PaperPosition> _positions = [];
    private long _nextTicket = 1_000_000;
    private decimal _balance;

    public PaperBroker(PaperBrokerSettings settings)
    {
        _settings = settings;
        _profiles = settings.Symbols.ToDictionary(p => p.Symbol, StringComparer.Ordinal);
        _balance = settings.StartingBalance;
    }

    public PaperBrokerSettings Settings => _settings;

    public decimal Balance
    {
        get
        {
            lock (_gate)
            {
                return _balance;
            }
        }
    }

    public bool Knows(string symbol) => _profiles.ContainsKey(symbol);

    /// <summary>Records a quote and closes every position of the symbol whose stop or target it reaches.</summary>
    public IReadOnlyList<CloseReport> OnQuote(string symbol, decimal bid, decimal ask, long tsMs)
    {
        lock (_gate)
        {
            _quotes[symbol] = (bid, ask, tsMs);
            List<CloseReport>? closed = null;
            for (var i = _positions.Count - 1; i >= 0; i--)
            {
                var p = _positions[i];
                if (p.Symbol != symbol)
                {
                    continue;
                }

                var exit = p.Side == Side.Buy ? bid : ask;
                var stopHit = p.Side == Side.Buy ? exit <= p.Sl : exit >= p.Sl;
                var targetHit = p.Side == Side.Buy ? exit >= p.Tp : exit <= p.Tp;
                if (p.Sl > 0 && stopHit)
                {
                    (closed ??= []).Add(CloseLocked(p, p.Volume, exit, CloseReason.StopLoss, tsMs));
                }
                else if (p.Tp > 0 && targetHit)
                {
                    (closed ??= []).Add(CloseLocked(p, p.Volume, exit, CloseReason.TakeProfit, tsMs));
                }
            }

            return closed ?? (IReadOnlyList<CloseReport>)[];
        }
    }

    /// <summary>
    /// Executes a market fire, or answers a repeat with the original result marked duplicate.
    /// <paramref name="nowMs"/> is market (simulated) time; <paramref name="wallMs"/>, when given, is the
    /// clock the server's <c>expires_ts_ms</c> is measured on (they differ when the simulation runs fast).
    /// </summary>
    public FireResult Fire(FireOrder order, long nowMs, long? wallMs = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        lock (_gate)
        {
            if (_fires.TryGetValue(order.FireId, out var original))
            {
                return original with { Status = FireStatus.Duplicate };
            }

            var result = Execute(order, nowMs, wallMs ?? nowMs);
            Remember(result);
            return result;
        }
    }

    public AccountSnapshot Snapshot()
    {
        lock (_gate)
        {
            decimal floating = 0, margin = 0;
            var positions = new List<PositionSnapshot>(_positions.Count);
            foreach (var p in _positions)
            {
                p.Profit = ProfitLocked(p, p.Volume, ExitPrice(p));
                floating += p.Profit;
                margin += MarginLocked(p.Symbol, p.Volume);
                positions.Add(new PositionSnapshot(p.Ticket, p.FireId, p.Symbol, p.Side == Side.Buy ? "BUY" : "SELL", p.Volume, p.OpenPrice, p.Sl, p.Tp, p.Profit, p.OpenTsMs));
            }

            var equity = _balance + floating;
            return new AccountSnapshot(_settings.Currency, _balance, equity, Math.Round(margin, 2), Math.Round(equity - margin, 2),
                margin > 0 ? Math.Round(equity / margin * 100m, 2) : null, positions);
        }
    }

    private void Remember(FireResult result)
    {
        _fires[result.FireId] = result;
        _fireOrder.Enqueue(result.FireId);
        while (_fireOrder.Count > _settings.RememberedFires)
        {
            _fires.Remove(_fireOrder.Dequeue());
        }
    }

    private decimal ExitPrice(PaperPosition p) =>
        _quotes.TryGetValue(p.Symbol, out var q) ? (p.Side == Side.Buy ? q.Bid : q.Ask) : p.OpenPrice;
}
