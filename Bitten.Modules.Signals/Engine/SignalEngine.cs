using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Candles;
using Bitten.Modules.Signals.Detectors;
using Bitten.Modules.Signals.Indicators;
using Bitten.Modules.Signals.Ingest;
using Bitten.Modules.Signals.Market;
using Bitten.Modules.Signals.Outcomes;
using Bitten.Modules.Signals.Publishing;

namespace Bitten.Modules.Signals.Engine;

/// <summary>
/// The live engine, the same code that backtests run (DOMAIN §2–6, §10): ticks → checks → candles →
/// on each M5 close, indicators and the detector window are updated, the detectors run against the
/// structure known at the previous close, the structure takes the new bar, and the best candidate is
/// scored, gated and handed to the output. Every accepted tick also drives the virtual outcomes.
/// One owner thread; no allocation on the tick path unless a bar closes.
/// </summary>
internal sealed partial class SignalEngine : ICandleSink
{
    private readonly SymbolCatalog _symbols;
    private readonly EngineSettings _settings;
    private readonly IEngineOutput _output;
    private readonly IWinProbabilityModel _model;
    private readonly ThresholdState _threshold;
    private readonly PatternRecord _record;
    private readonly Func<long, string> _newId;
    private readonly SymbolState[] _states;
    private readonly SignalGate _gate;
    private readonly VirtualOutcomeTracker _tracker;
    private readonly Action<VirtualTrade, SignalOutcome> _onResolved;
    private long _eventMs;
    private long _eventReceivedTicks;

    public SignalEngine(
        SymbolCatalog symbols,
        EngineSettings settings,
        IEngineOutput output,
        IWinProbabilityModel model,
        ThresholdState threshold,
        PatternRecord record,
        Func<long, string> newId)
    {
        _symbols = symbols;
        _settings = settings;
        _output = output;
        _model = model;
        _threshold = threshold;
        _record = record;
        _newId = newId;
        _states = [.. symbols.All.Select(s => new SymbolState(s, settings))];
        _gate = new SignalGate(symbols.Count);
        _tracker = new VirtualOutcomeTracker(symbols.Count);
        _onResolved = Resolve;
    }

    public EngineCounters Counters { get; } = new();

    public VirtualOutcomeTracker Tracker => _tracker;

    public SymbolState State(int symbolIndex) => _states[symbolIndex];

    public IReadOnlyList<SymbolState> States => _states;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // hot path: see docs/signals-live-path.md (tiering)
    public IngestRejectReason OnTick(in TickEvent tick)
    {
        var state = _states[tick.SymbolIndex];
        var reason = state.Validator.Check(tick.Bid, tick.Ask, tick.TsMs);
        if (reason == IngestRejectReason.None)
        {
            _eventMs = tick.TsMs;
            _eventReceivedTicks = tick.ReceivedTicks;
            if (!state.Candles.OnTick(tick.TsMs, tick.Bid, tick.Ask, this))
            {
                reason = IngestRejectReason.OutOfOrder;
            }
        }

        if (reason != IngestRejectReason.None)
        {
            Counters.Rejected(reason);
            return reason;
        }

        state.LastBid = tick.Bid;
        state.LastAsk = tick.Ask;
        state.LastTickMs = Math.Max(state.LastTickMs, tick.TsMs);
        Counters.Tick();
        _tracker.OnTick(tick.SymbolIndex, tick.Bid, tick.Ask, tick.TsMs, _onResolved);
        return IngestRejectReason.None;
    }

    /// <summary>
    /// Closes quiet bars and times out overdue virtual trades — only for symbols whose feed time is within
    /// the gap window of <paramref name="nowMs"/>: a replayed or simulated feed runs on its own clock, and
    /// its ticks alone close its bars.
    /// </summary>
    public void OnClock(long nowMs)
    {
        _eventMs = nowMs;
        _eventReceivedTicks = 0;
        foreach (var state in _states)
        {
            if (state.LastTickMs != long.MinValue && Math.Abs(nowMs - state.LastTickMs) <= _settings.GapMs)
            {
                state.Candles.OnClock(nowMs, this);
                _tracker.OnClock(state.Symbol.Index, nowMs, _onResolved);
            }
        }
    }

    /// <summary>Re-arms an open signal after a restart (its virtual trade continues from the next tick).</summary>
    public void Rearm(VirtualTrade trade)
    {
        _tracker.Track(trade);
        _gate.Record(trade.SymbolIndex, trade.Side, trade.CreatedMs);
    }

    /// <summary>Warms a symbol from stored bars without detecting (indicators, structure, windows).</summary>
    public void Warm(int symbolIndex, in Candle candle)
    {
        var state = _states[symbolIndex];
        if (candle.Timeframe == Timeframe.M5)
        {
            Advance(state, candle, detect: false);
        }
        else if (candle.Timeframe == Timeframe.M15)
        {
            state.M15Structure.Update(ToPriceBar(candle));
        }
        else if (candle.Timeframe == Timeframe.M1)
        {
            state.Validator.OnM1Closed(candle);
        }

        state.Candles.Resume(candle.CloseTimeMs);
    }

    void ICandleSink.OnCandleClosed(int symbolIndex, in Candle candle)
    {
        Counters.Bar();
        _output.OnBarClosed(symbolIndex, candle);
        var state = _states[symbolIndex];
        switch (candle.Timeframe)
        {
            case Timeframe.M1:
                state.Validator.OnM1Closed(candle);
                break;
            case Timeframe.M15:
                state.M15Structure.Update(ToPriceBar(candle));
                break;
            case Timeframe.M5:
                Advance(state, candle, detect: true);
                break;
        }
    }

    private void Advance(SymbolState state, in Candle candle, bool detect)
    {
        state.M5Index++;
        var bar = ToPriceBar(candle);
        state.M5Indicators.Update(bar);
        state.Context.VolumeMean20 = state.VolumeHistory.Count >= 20 ? state.VolumeHistory.Mean() : double.NaN;
        state.Push(candle);

        DetectorCandidate? best = null;
        if (detect && state.Symbol.Active && !(_settings.BlockWeekend && TradingCalendar.IsWeekend(candle.CloseTimeMs)))
        {
            StructureAdapter.Fill(state.Context.Structure, state.M5Structure, state.M15Structure);
            foreach (var detector in DetectorSet.All)
            {
                Counters.DetectorRun();
                var candidate = detector.Detect(state.Context, _settings.Detectors);
                if (candidate is not null)
                {
                    Counters.Candidate(candidate.Pattern);
                    if (best is null || candidate.PatternScore > best.PatternScore)
                    {
                        best = candidate;
                    }
                }
            }
        }

        state.M5Structure.Update(bar);
        var atr = state.M5Indicators.Atr14.Value;
        var atrPercentile = double.IsNaN(atr) ? 50 : state.AtrHistory.PercentileOf(atr);
        var spreadMedian = state.SpreadHistory.Median();
        if (!double.IsNaN(atr))
        {
            state.AtrHistory.Add(atr);
        }

        state.SpreadHistory.Add(candle.MeanSpread);
        state.VolumeHistory.Add(candle.TickVolume);
        if (best is not null)
        {
            var spreadRatio = spreadMedian > 0 ? candle.MeanSpread / spreadMedian : 1;
            Consider(state, candle, best, atrPercentile, spreadRatio);
        }
    }

    private void Resolve(VirtualTrade trade, SignalOutcome outcome)
    {
        _gate.Resolved(trade.SymbolIndex, trade.Side);
        if (outcome is SignalOutcome.Win or SignalOutcome.Loss)
        {
            _record.Add(trade.Pattern, outcome == SignalOutcome.Win);
        }

        _output.OnResolved(trade, outcome, _eventMs);
    }

    private static PriceBar ToPriceBar(in Candle c) => new(c.OpenTimeMs, c.Open, c.High, c.Low, c.Close, c.TickVolume);
}
