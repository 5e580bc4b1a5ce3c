using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;

namespace Bitten.Modules.Gamification.Tests.Fakes;

/// <summary>Builders for the facts other modules publish.</summary>
internal static class Facts
{
    public static FireFilled Filled(long user, string fireId, DateTimeOffset at, Side side = Side.Buy) =>
        new(new FireId(fireId), new MissionId("M" + fireId), new UserId(user), new SignalId("S" + fireId), "ea-1", "EURUSD", side,
            1.1m, 0.1m, 1.09m, 1.12m, 1, at, at);

    public static TradeClosed Closed(long user, string fireId, TradeResult result, double r, DateTimeOffset at, bool atOriginalStop = false) =>
        new(new FireId(fireId), new MissionId("M" + fireId), new UserId(user), new SignalId("S" + fireId), "EURUSD", Side.Buy,
            1.1m, 1.11m, 0.1m, (decimal)r * 20m, "USD", r, result,
            result == TradeResult.Loss ? CloseReason.StopLoss : CloseReason.TakeProfit, atOriginalStop, at, at);
}
