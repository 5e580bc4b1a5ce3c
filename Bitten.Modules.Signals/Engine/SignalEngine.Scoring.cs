using Bitten.Contracts.Common;
using Bitten.Modules.Signals.Candles;
using Bitten.Modules.Signals.Detectors;
using Bitten.Modules.Signals.Market;
using Bitten.Modules.Signals.Outcomes;
using Bitten.Modules.Signals.Scoring;

namespace Bitten.Modules.Signals.Engine;

internal sealed partial class SignalEngine
{
    private void Consider(SymbolState state, in Candle candle, DetectorCandidate candidate, double atrPercentile, double spreadRatio)
    {
        var symbol = state.Symbol;
        var side = candidate.Side;
        var m15 = state.Context.Structure.M15Trend;
        var alignment = m15 == 0 ? 0 : (m15 > 0) == (side == Side.Buy) ? 1 : -1;
        var session = TradingCalendar.SessionAt(candle.CloseTimeMs);
        var (tcs, context) = TacticalConfidence.Score(candidate.PatternScore, alignment, session, symbol.SessionNeutral);

        var atr = state.Context.Atr;
        var lastSweep = StructureAdapter.LastSweep(state.M5Structure, ofHighs: side == Side.Sell);
        var opposing = StructureAdapter.NearestOpposingLiquidity(state.M5Structure, side, candidate.Entry);
        var shield = CitadelShield.Evaluate(new ShieldInputs(
            alignment,
            lastSweep >= 0 && lastSweep >= state.M5Index - 4,
            !double.IsNaN(opposing) && opposing <= 0.5 * atr,
            atrPercentile,
            session,
            symbol.SessionNeutral,
            spreadRatio,
            candidate.RewardRisk));

        var features = Features(state, candle, candidate, tcs, shield.Score, alignment, session, atrPercentile, spreadRatio, opposing);
        var predicted = _model.Predict(features, candidate.Pattern, symbol.Name);
        var (wins, losses) = _record.For(candidate.Pattern);
        var probability = predicted?.Probability ?? TacticalConfidence.PriorWinProbability(wins, losses);
        var ev = TacticalConfidence.ExpectedValueR(probability, candidate.RewardRisk);
        var threshold = _threshold.Current;

        string? refusal = tcs < threshold ? "below_threshold"
            : ev < _settings.MinExpectedValueR ? "negative_expected_value"
            : _gate.Refusal(symbol.Index, side, _eventMs) is not null ? "symbol_limits"
            : null;
        if (refusal is not null)
        {
            Counters.Gated(refusal);
            return;
        }

        _gate.Record(symbol.Index, side, _eventMs);
        var signal = new EngineSignal(
            _newId(_eventMs), symbol.Index, symbol.Name, candidate, symbol.PipSize, symbol.Digits, tcs, context, shield,
            probability, predicted?.Version, ev, threshold, session, TacticalConfidence.SignalClass(candidate.RewardRisk),
            candle.OpenTimeMs, _eventMs, _eventMs + _settings.SignalTtlMs, _eventReceivedTicks, features);
        _tracker.Track(new VirtualTrade(signal.SignalId, symbol.Index, candidate.Pattern, side, candidate.Entry, candidate.StopLoss,
            candidate.TakeProfit, symbol.PipSize, _eventMs, _settings.OutcomeTimeoutMs));
        Counters.Published(candidate.Pattern);
        _output.OnSignal(signal);
    }

    /// <summary>DOMAIN §7 features, computed once here and stored with the signal (training uses the stored values).</summary>
    private static Dictionary<string, double> Features(
        SymbolState state, in Candle candle, DetectorCandidate candidate, double tcs, double shield, int alignment,
        Bitten.Contracts.Signals.TradingSession session, double atrPercentile, double spreadRatio, double opposing)
    {
        var atr = state.Context.Atr;
        var pip = state.Symbol.PipSize;
        var instant = DateTimeOffset.FromUnixTimeMilliseconds(candle.CloseTimeMs);
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["side"] = candidate.Side == Side.Buy ? 1 : -1,
            ["session"] = (int)session,
            ["hour"] = instant.Hour,
            ["weekday"] = (int)instant.DayOfWeek,
            ["tcs"] = tcs,
            ["shield"] = shield,
            ["reward_risk"] = candidate.RewardRisk,
            ["stop_pips"] = candidate.Risk / pip,
            ["atr_over_price"] = atr / candle.Close,
            ["atr_percentile"] = atrPercentile,
            ["spread_pips"] = candle.MeanSpread / pip,
            ["spread_to_median"] = spreadRatio,
            ["m15_alignment"] = alignment,
            ["rsi"] = double.IsNaN(state.Context.Rsi) ? 50 : state.Context.Rsi,
            ["opposing_liquidity_atr"] = double.IsNaN(opposing) || atr <= 0 ? 10 : Math.Min(10, opposing / atr),
        };
    }
}
