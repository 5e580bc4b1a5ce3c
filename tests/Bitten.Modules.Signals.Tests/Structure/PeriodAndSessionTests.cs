using Bitten.Modules.Signals.Structure;

namespace Bitten.Modules.Signals.Tests.Structure;

public sealed class PeriodAndSessionTests
{
    private static long Ms(int year, int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Theory]
    [InlineData(2023, 9, 25, 0, 2023, 10, 1)] // Monday 00:00 -> the coming Sunday
    [InlineData(2023, 9, 29, 23, 2023, 10, 1)] // Friday
    [InlineData(2023, 10, 1, 23, 2023, 10, 1)] // Sunday 23:00 still closes that week
    [InlineData(2023, 10, 2, 0, 2023, 10, 8)] // next Monday
    public void PeriodLabel_WhenWeekly_IsTheSundayClosingTheMondayToSundayWeek(int y, int m, int d, int h, int ly, int lm, int ld) =>
        SmcReference.PeriodLabel(Ms(y, m, d, h), ReferencePeriod.Week).ShouldBe(Ms(ly, lm, ld, 0));

    [Fact]
    public void PeriodLabel_WhenFourHoursOrDay_IsThePeriodStart()
    {
        SmcReference.PeriodLabel(Ms(2023, 3, 7, 3, 59), ReferencePeriod.FourHours).ShouldBe(Ms(2023, 3, 7, 0));
        SmcReference.PeriodLabel(Ms(2023, 3, 7, 4), ReferencePeriod.FourHours).ShouldBe(Ms(2023, 3, 7, 4));
        SmcReference.PeriodLabel(Ms(2023, 3, 7, 23, 45), ReferencePeriod.Day).ShouldBe(Ms(2023, 3, 7, 0));
    }

    [Theory]
    [InlineData(6, 59, false)]
    [InlineData(7, 0, true)]
    [InlineData(16, 0, true)]
    [InlineData(16, 15, false)]
    public void Contains_WhenLondon_IsInclusiveAtBothEnds(int hour, int minute, bool expected) =>
        SessionWindow.London.Contains(Ms(2023, 3, 7, hour, minute)).ShouldBe(expected);

    [Theory]
    [InlineData(21, 0, true)]
    [InlineData(23, 30, true)]
    [InlineData(6, 0, true)]
    [InlineData(6, 15, false)]
    [InlineData(12, 0, false)]
    public void Contains_WhenSydney_WrapsMidnight(int hour, int minute, bool expected) =>
        SessionWindow.Sydney.Contains(Ms(2023, 3, 7, hour, minute)).ShouldBe(expected);
}
