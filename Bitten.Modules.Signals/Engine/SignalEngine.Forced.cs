using Bitten.Contracts.Common;
using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Detectors;
using Bitten.Modules.Signals.Market;
using Bitten.Modules.Signals.Outcomes;
using Bitten.Modules.Signals.Scoring;

namespace Bitten.Modules.Signals.Engine;

internal sealed partial class SignalEngine
{
    /// <summary>The pattern name of an operator's test signal (never produced by a detector).</summary>
    public const string TestPattern = "test_signal";

    /// <summary>
    /// An operator's test signal (<c>Modules:Signals:TestSignals</c>, load runs): called on the engine thread right after
    /// <paramref name="symbolIndex"/>'s tick was accepted, it turns that tick into a signal at the current price without
    /// the detectors, the threshold or the expected-value gate — so tick→signal and everything downstream (store, PUB
    /// 5557, missions, fires) are the production path. The per-symbol limits are recorded and the virtual outcome
    /// tracked as for any signal, so the gate's open-signal counts stay consistent. Null when the symbol has no price.
    /// </summary>
    public EngineSignal? ForceTestSignal(int symbolIndex, Side side, double confidence)
    {
        var state = _states[symbolIndex];
        var symbol = state.Symbol;
        if (double.IsNaN(state.LastBid) || double.IsNaN(state.LastAsk) || side is not (Side.Buy or Side.Sell))
        {
            return null;
        }

        var atr = state.M5Indicators.Atr14.Value;
        var stop = Math.Max(double.IsNaN(atr) ? 0 : atr, 10 * symbol.PipSize);
        var rewardRisk = _settings.Detectors.RiskReward;
        var entry = side == Side.Buy ? state.LastAsk : state.LastBid;
        var sign = side == Side.Buy ? 1 : -1;
        var components = new[] { new ScoreComponent("test", confidence, "operator's test signal (Modules:Signals:TestSignals)") };
        var candidate = new DetectorCandidate(TestPattern, side, entry, entry - (sign * stop), entry + (sign * stop * rewardRisk), confidence, components, []);
        var session = TradingCalendar.SessionAt(_eventMs);
        var shield = new ShieldResult(6, ShieldClass.ShieldActive, 1m, []);
        var (wins, losses) = _record.For(TestPattern);
        var probability = TacticalConfidence.PriorWinProbability(wins, losses);
        var signal = new EngineSignal(
            _newId(_eventMs), symbol.Index, symbol.Name, candidate, symbol.PipSize, symbol.Digits, confidence, [], shield,
            probability, null, TacticalConfidence.ExpectedValueR(probability, rewardRisk), _threshold.Current, session,
            TacticalConfidence.SignalClass(rewardRisk), _eventMs - (_eventMs % 300_000), _eventMs, _eventMs + _settings.SignalTtlMs,
            _eventReceivedTicks, new Dictionary<string, double>(StringComparer.Ordinal));
        _gate.Record(symbol.Index, side, _eventMs);
        _tracker.Track(new VirtualTrade(signal.SignalId, symbol.Index, TestPattern, side, candidate.Entry, candidate.StopLoss,
            candidate.TakeProfit, symbol.PipSize, _eventMs, _settings.OutcomeTimeoutMs));
        Counters.Published(TestPattern);
        _output.OnSignal(signal);
        return signal;
    }
}
