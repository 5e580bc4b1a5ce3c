using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Candles;
using Bitten.Modules.Signals.Outcomes;

namespace Bitten.Modules.Signals.Engine;

/// <summary>Where the engine's results go (store, PUB relay, MediatR) — called on the engine thread, so implementations hand off quickly.</summary>
internal interface IEngineOutput
{
    void OnBarClosed(int symbolIndex, in Candle candle);

    void OnSignal(EngineSignal signal);

    void OnResolved(VirtualTrade trade, SignalOutcome outcome, long tsMs);
}
