using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Simulator.Broker;
using Bitten.Simulator.Market;

namespace Bitten.Simulator.Tests.Broker;

public sealed class PaperBrokerTests
{
    // Monday 2026-01-05 12:00 UTC: the market is open
    private static readonly long Now = new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static PaperBroker NewBroker(int slippagePoints = 0) =>
        new(new PaperBrokerSettings(SymbolProfile.Defaults, SlippagePoints: slippagePoints));

    private static FireOrder Buy(string id = "F1", decimal volume = 1m, decimal sl = 1.0800m, decimal tp = 1.0900m, long expires = 0) =>
        new(id, "EURUSD", Side.Buy, volume, sl, tp, 10, expires, null);

    private static FireOrder Sell(string id = "F2", decimal volume = 1m, decimal sl = 1.0900m, decimal tp = 1.0800m) =>
        new(id, "EURUSD", Side.Sell, volume, sl, tp, 10, 0, null);

    [Fact]
    public void Fire_WhenBuyWithSlippage_FillsAtAskPlusSlippage()
    {
        var broker = NewBroker(slippagePoints: 2);
        broker.OnQuote("EURUSD", 1.08500m, 1.08510m, Now);

        var result = broker.Fire(Buy(), Now);

        result.Status.ShouldBe(FireStatus.Filled);
        result.Retcode.ShouldBe(TradeRetcode.Done);
        result.Price.ShouldBe(1.08512m);
    }

    [Fact]
    public void Fire_WhenSellWithSlippage_FillsAtBidMinusSlippage()
    {
        var broker = NewBroker(slippagePoints: 2);
        broker.OnQuote("EURUSD", 1.08500m, 1.08510m, Now);

        var result = broker.Fire(Sell(), Now);

        result.Status.ShouldBe(FireStatus.Filled);
        result.Price.ShouldBe(1.08498m);
    }

    [Fact]
    public void OnQuote_WhenTickGapsBeyondTheStop_ClosesAsStopAtTheTickPrice()
    {
        var broker = NewBroker();
        broker.OnQuote("EURUSD", 1.08500m, 1.08510m, Now);
        broker.Fire(Sell(sl: 1.08600m, tp: 1.08400m), Now);
        var position = broker.Snapshot().Positions.Single();

        // The close price of a SELL is the ask. A gapping tick whose ask is above the stop: stop.
        var closes = broker.OnQuote("EURUSD", 1.08650m, 1.08660m, Now + 1_000);

        closes.Single().ShouldSatisfyAllConditions(
            c => c.Reason.ShouldBe(CloseReason.StopLoss),
            c => c.Position.ShouldBe(position.Position),
            c => c.FireId.ShouldBe("F2"),
            c => c.ClosePrice.ShouldBe(1.08660m));
    }

    [Fact]
    public void OnQuote_WhenPriceReachesTarget_ClosesWithTakeProfitAndCreditsBalance()
    {
        var broker = NewBroker();
        broker.OnQuote("EURUSD", 1.08500m, 1.08510m, Now);
        broker.Fire(Buy(volume: 0.5m, sl: 1.08400m, tp: 1.08600m), Now);

        var closes = broker.OnQuote("EURUSD", 1.08610m, 1.08620m, Now + 60_000);

        var close = closes.Single();
        close.Reason.ShouldBe(CloseReason.TakeProfit);
        close.ClosePrice.ShouldBe(1.08610m);
        close.Profit.ShouldBe(Math.Round((1.08610m - 1.08510m) * 0.5m * 100_000m, 2)); // 50.00 USD
        var account = broker.Snapshot();
        account.Balance.ShouldBe(10_050m);
        account.Equity.ShouldBe(10_050m);
        account.Positions.ShouldBeEmpty();
    }

    [Fact]
    public void Fire_WhenRepeated_AnswersDuplicateWithTheOriginalResult()
    {
        var broker = NewBroker();
        broker.OnQuote("EURUSD", 1.08500m, 1.08510m, Now);
        var first = broker.Fire(Buy(), Now);
        broker.OnQuote("EURUSD", 1.08700m, 1.08710m, Now + 1_000);

        var again = broker.Fire(Buy(), Now + 2_000);

        again.Status.ShouldBe(FireStatus.Duplicate);
        again.ShouldBe(first with { Status = FireStatus.Duplicate });
        broker.Snapshot().Positions.Count.ShouldBe(1);
    }

    [Fact]
    public void Fire_WhenMoreThanRememberedFiresFollow_ForgetsTheOldest()
    {
        var broker = new PaperBroker(new PaperBrokerSettings(SymbolProfile.Defaults, RememberedFires: 3, StartingBalance: 1_000_000m));
        broker.OnQuote("EURUSD", 1.08500m, 1.08510m, Now);
        foreach (var id in new[] { "A", "B", "C", "D" })
        {
            broker.Fire(Buy(id, volume: 0.01m), Now);
        }

        broker.Fire(Buy("D", volume: 0.01m), Now).Status.ShouldBe(FireStatus.Duplicate);
        broker.Fire(Buy("A", volume: 0.01m), Now).Status.ShouldBe(FireStatus.Filled);
    }

    [Fact]
    public void Fire_WhenExpired_IsRejectedAndNothingOpens()
    {
        var broker = NewBroker();
        broker.OnQuote("EURUSD", 1.08500m, 1.08510m, Now);

        var result = broker.Fire(Buy(expires: Now - 1), Now);

        result.Status.ShouldBe(FireStatus.Rejected);
        result.Retcode.ShouldBe(TradeRetcode.Rejected);
        result.Message.ShouldContain("expired");
        broker.Snapshot().Positions.ShouldBeEmpty();
    }

    [Fact]
    public void Fire_WhenExpiryIsMeasuredOnTheWallClock_UsesTheWallClock()
    {
        var broker = NewBroker();
        broker.OnQuote("EURUSD", 1.08500m, 1.08510m, Now + 3_600_000);

        var result = broker.Fire(Buy(expires: Now + 10_000), Now + 3_600_000, wallMs: Now);

        result.Status.ShouldBe(FireStatus.Filled);
    }

    [Theory]
    [InlineData(1.0860, 1.0900)] // BUY stop above the ask
    [InlineData(1.0800, 1.0840)] // BUY target below the ask
    [InlineData(0, 1.0900)] // no stop at all
    public void Fire_WhenStopOrTargetOnTheWrongSide_IsRejectedNeverZeroed(double sl, double tp)
    {
        var broker = NewBroker();
        broker.OnQuote("EURUSD", 1.08500m, 1.08510m, Now);

        var result = broker.Fire(Buy(sl: (decimal)sl, tp: (decimal)tp), Now);

        result.Status.ShouldBe(FireStatus.Rejected);
        result.Retcode.ShouldBe(TradeRetcode.InvalidStops);
        result.Sl.ShouldBe((decimal)sl);
        broker.Snapshot().Positions.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0.237, 0.23)]
    [InlineData(1.0, 1.0)]
    [InlineData(250, 100)]
    public void Fire_WhenVolumeIsOffStep_NormalisesDownToTheStepWithinLimits(double requested, double filled)
    {
        var broker = new PaperBroker(new PaperBrokerSettings(SymbolProfile.Defaults, StartingBalance: 10_000_000m));
        broker.OnQuote("EURUSD", 1.08500m, 1.08510m, Now);

        var result = broker.Fire(Buy(volume: (decimal)requested), Now);

        result.Status.ShouldBe(FireStatus.Filled);
        result.Volume.ShouldBe((decimal)filled);
    }

    [Fact]
    public void Fire_WhenVolumeRoundsBelowTheMinimum_IsRejected()
    {
        var broker = NewBroker();
        broker.OnQuote("EURUSD", 1.08500m, 1.08510m, Now);

        var result = broker.Fire(Buy(volume: 0.004m), Now);

        result.Status.ShouldBe(FireStatus.Rejected);
        result.Retcode.ShouldBe(TradeRetcode.InvalidVolume);
    }

    [Fact]
    public void Fire_WhenInTheWeekend_IsRejectedMarketClosed()
    {
        var broker = NewBroker();
        var saturday = new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        broker.OnQuote("EURUSD", 1.08500m, 1.08510m, Now);

        broker.Fire(Buy(), saturday).Retcode.ShouldBe(TradeRetcode.MarketClosed);
    }

    [Fact]
    public void Close_WhenPartial_LeavesTheRestOpenAndReportsServer()
    {
        var broker = NewBroker();
        broker.OnQuote("EURUSD", 1.08500m, 1.08510m, Now);
        var fill = broker.Fire(Buy(), Now);
        broker.OnQuote("EURUSD", 1.08410m, 1.08420m, Now + 1_000);

        var report = broker.Close(fill.Position, 0.4m, Now + 1_000)!;

        report.Reason.ShouldBe(CloseReason.Server);
        report.Volume.ShouldBe(0.4m);
        report.Profit.ShouldBe(-40m); // 10 pips x 0.4 lot x 10 USD
        broker.Snapshot().Positions.Single().Volume.ShouldBe(0.6m);
        broker.Balance.ShouldBe(9_960m);
    }

    [Fact]
    public void Close_WhenPositionUnknown_ReturnsNull() =>
        NewBroker().Close(42, null, Now).ShouldBeNull();

    [Fact]
    public void Modify_WhenValid_MovesStopAndTargetAndLaterTicksUseThem()
    {
        var broker = NewBroker();
        broker.OnQuote("EURUSD", 1.08500m, 1.08510m, Now);
        var fill = broker.Fire(Buy(), Now);

        broker.Modify(fill.Position, 1.08450m, 1.08700m).ShouldBeNull();
        var closes = broker.OnQuote("EURUSD", 1.08440m, 1.08450m, Now + 1_000);

        closes.Single().Reason.ShouldBe(CloseReason.StopLoss);
    }

    [Fact]
    public void Modify_WhenStopOnTheWrongSide_IsRefusedAndNothingChanges()
    {
        var broker = NewBroker();
        broker.OnQuote("EURUSD", 1.08500m, 1.08510m, Now);
        var fill = broker.Fire(Buy(), Now);

        broker.Modify(fill.Position, 1.08600m, 1.08700m).ShouldNotBeNull();

        broker.Snapshot().Positions.Single().Sl.ShouldBe(1.0800m);
    }

    [Fact]
    public void CloseAll_WhenSeveralOpen_ClosesEveryOneAndBalanceMatchesEquity()
    {
        var broker = NewBroker();
        broker.OnQuote("EURUSD", 1.08500m, 1.08510m, Now);
        broker.OnQuote("USDJPY", 150.000m, 150.010m, Now);
        broker.Fire(Buy("A"), Now);
        broker.Fire(new FireOrder("B", "USDJPY", Side.Sell, 1m, 151m, 149m, 10, 0, null), Now);
        broker.OnQuote("USDJPY", 149.490m, 149.500m, Now + 1_000);
        var equityBefore = broker.Snapshot().Equity;

        var reports = broker.CloseAll(Now + 1_000);

        reports.Count.ShouldBe(2);
        var jpy = reports.Single(r => r.FireId == "B");
        // sold at the bid 150.000, bought back at the ask 149.500: 50 pips = 50,000 JPY on 1 lot, converted at the current USDJPY mid
        jpy.Profit.ShouldBe(Math.Round(0.500m * 100_000m / ((149.490m + 149.500m) / 2), 2));
        var account = broker.Snapshot();
        account.Positions.ShouldBeEmpty();
        account.Balance.ShouldBe(equityBefore);
        account.Equity.ShouldBe(account.Balance);
    }

    [Fact]
    public void Snapshot_WhenPositionOpen_ReportsFloatingProfitMarginAndFireId()
    {
        var broker = NewBroker();
        broker.OnQuote("EURUSD", 1.08500m, 1.08510m, Now);
        broker.Fire(Buy(), Now);
        broker.OnQuote("EURUSD", 1.08610m, 1.08620m, Now + 1_000);

        var account = broker.Snapshot();

        account.Positions.Single().FireId.ShouldBe("F1");
        account.Positions.Single().Profit.ShouldBe(100m);
        account.Equity.ShouldBe(10_100m);
        account.Margin.ShouldBe(Math.Round(100_000m * ((1.08610m + 1.08620m) / 2) / 100m, 2));
    }

    [Fact]
    public void TickValue_WhenJpyQuoted_IsInAccountCurrencyAtTheCurrentRate()
    {
        var broker = NewBroker();
        broker.OnQuote("USDJPY", 160.000m, 160.000m, Now);

        broker.TickValue("USDJPY").ShouldBe(Math.Round(0.001m * 100_000m / 160m, 8));
        broker.TickValue("EURUSD").ShouldBe(1m);
        broker.TickValue("XAUUSD").ShouldBe(1m);
    }
}
