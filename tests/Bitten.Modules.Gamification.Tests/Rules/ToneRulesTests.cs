using Bitten.Contracts.Users;
using Bitten.Modules.Gamification.Drill;

namespace Bitten.Modules.Gamification.Tests.Rules;

public sealed class ToneRulesTests
{
    private static DayRecord Record(int wins, int losses, int breakeven = 0) => new(wins + losses + breakeven, wins, losses, wins - losses);

    [Fact]
    public void Select_WhenWinRate20PointsAboveYesterday_IsComebackBeforeAnythingElse() =>
        ToneRules.Select(Record(5, 0), Record(2, 2)).ShouldBe(ReportTone.Comeback); // 100 % vs 50 %: also outstanding, comeback wins

    [Fact]
    public void Select_WhenExactly20PointsAbove_IsComeback() =>
        ToneRules.Select(Record(3, 2), Record(2, 3)).ShouldBe(ReportTone.Comeback); // 60 % vs 40 %

    [Fact]
    public void Select_WhenNoTradesToday_IsRough() =>
        ToneRules.Select(DayRecord.Empty, Record(0, 3)).ShouldBe(ReportTone.Rough);

    [Fact]
    public void Select_WhenNoTradesYesterday_IsNoComeback() =>
        ToneRules.Select(Record(1, 1), DayRecord.Empty).ShouldBe(ReportTone.Decent);

    [Fact]
    public void Select_WhenAtLeast80PercentOverFourTrades_IsOutstanding() =>
        ToneRules.Select(Record(4, 1), DayRecord.Empty).ShouldBe(ReportTone.Outstanding);

    [Fact]
    public void Select_When100PercentOverThreeTrades_IsSolidNotOutstanding() =>
        ToneRules.Select(Record(3, 0), DayRecord.Empty).ShouldBe(ReportTone.Solid);

    [Fact]
    public void Select_When60PercentOverFive_IsSolid() =>
        ToneRules.Select(Record(3, 2), Record(3, 2)).ShouldBe(ReportTone.Solid);

    [Fact]
    public void Select_When40Percent_IsDecent() =>
        ToneRules.Select(Record(2, 3), DayRecord.Empty).ShouldBe(ReportTone.Decent);

    [Fact]
    public void Select_WhenOneWinBelow40Percent_IsDecent() =>
        ToneRules.Select(Record(1, 4), DayRecord.Empty).ShouldBe(ReportTone.Decent);

    [Fact]
    public void Select_WhenOnlyLossesAndBreakevens_IsRough() =>
        ToneRules.Select(Record(0, 2, 1), DayRecord.Empty).ShouldBe(ReportTone.Rough);

    [Fact]
    public void Select_WhenOneWinOfOne_IsDecent() =>
        ToneRules.Select(Record(1, 0), DayRecord.Empty).ShouldBe(ReportTone.Decent); // 100 % but fewer than 2 trades

    [Theory]
    [InlineData(DrillTone.Harsh)]
    [InlineData(DrillTone.Balanced)]
    [InlineData(DrillTone.Encouraging)]
    public void Guidance_WhenEveryToneAndStyle_HasADefaultLine(DrillTone style)
    {
        foreach (var tone in Enum.GetValues<ReportTone>().Where(t => t != ReportTone.Unknown))
        {
            DrillWording.Guidance(tone, style, 20_000, new Dictionary<string, string[]>()).ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void Guidance_WhenConfiguredForKey_UsesConfiguredPool() =>
        DrillWording.Guidance(ReportTone.Rough, DrillTone.Harsh, 3, new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase) { ["rough.harsh"] = ["Drop and give me twenty."] })
            .ShouldBe("Drop and give me twenty.");
}
