using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Stats;

namespace Bitten.Modules.Signals.Tests.Stats;

public sealed class PerformanceReportTests
{
    [Fact]
    public void MonteCarlo_WhenSeeded_IsRepeatableAndAnotherSeedDiffers()
    {
        double[] rs = [1.5, -1, -0.93, 1.41, -1, 1.5, -0.31, -1, 1.27, -0.64, 0.18, -1, 1.5, -0.05, 0.77];

        var a = MonteCarlo.Bootstrap(rs, 10_000, 7);
        var b = MonteCarlo.Bootstrap(rs, 10_000, 7);
        var c = MonteCarlo.Bootstrap(rs, 10_000, 8);

        b.ShouldBe(a);
        c.FinalR.ShouldNotBe(a.FinalR);
        a.FinalR.P5.ShouldBeLessThan(a.FinalR.P50);
        a.FinalR.P50.ShouldBeLessThan(a.FinalR.P95);
        a.MaxDrawdownR.P5.ShouldBeGreaterThanOrEqualTo(0);
        a.FinalR.P50.ShouldBe(rs.Sum(), 2.0, "the median path ends near the sample's total");
    }

    [Fact]
    public void MonteCarlo_WhenEveryTradeIsTheSame_HasNoSpreadAndNoDrawdown()
    {
        var r = MonteCarlo.Bootstrap([1, 1, 1, 1], 1_000, 1);

        r.FinalR.ShouldBe(new Percentiles(4, 4, 4));
        r.MaxDrawdownR.ShouldBe(new Percentiles(0, 0, 0));
        r.ShareLosing.ShouldBe(0);
    }

    [Fact]
    public void Percentiles_WhenBetweenOrderStatistics_Interpolate() =>
        Percentiles.Of([0, 10, 20, 30, 40]).ShouldBe(new Percentiles(2, 20, 38));

    [Fact]
    public void Report_WhenTradesResolveOutOfCreationOrder_DrawsEquityInResolutionOrderAndCalibratesWithoutTimeouts()
    {
        TradeRow[] rows =
        [
            Row("a", created: 1, resolved: 50, p: 0.62, SignalOutcome.Win, 1.5),
            Row("b", created: 2, resolved: 10, p: 0.55, SignalOutcome.Loss, -1),
            Row("c", created: 3, resolved: 20, p: 0.58, SignalOutcome.Loss, -1),
            Row("d", created: 4, resolved: 30, p: 0.35, SignalOutcome.Timeout, 0.2),
        ];

        var report = PerformanceReport.From(rows, 1_000, 3);

        report.Equity.Select(e => e.SignalId).ShouldBe(["b", "c", "d", "a"]);
        report.Equity.Select(e => e.CumulativeR).ShouldBe([-1, -2, -1.8, -0.3]);
        report.Equity.Select(e => e.DrawdownR).ShouldBe([1, 2, 1.8, 0.3]);
        report.Overall.MaxDrawdownR.ShouldBe(2);
        report.Calibration.Count.ShouldBe(2, "0.5–0.6 holds b and c, 0.6–0.7 holds a; the timeout is left out");
        report.Calibration[0].ShouldSatisfyAllConditions(c => c.Count.ShouldBe(2), c => c.Realised.ShouldBe(0), c => c.MeanPredicted.ShouldBe(0.565, 1e-12));
        report.Calibration[1].Realised.ShouldBe(1);
        report.BySession.Single().Key.ShouldBe("LONDON");
        report.Brier!.Value.ShouldBe(((0.38 * 0.38) + (0.55 * 0.55) + (0.58 * 0.58)) / 3, 1e-12);
        report.MonteCarlo.TradesPerPath.ShouldBe(4);
    }

    private static TradeRow Row(string id, long created, long resolved, double p, SignalOutcome outcome, double r) =>
        new(id, "EURUSD", "BB_SCALP", TradingSession.London, created, resolved, p, outcome, r);
}
