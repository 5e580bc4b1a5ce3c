using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Market;

namespace Bitten.Modules.Signals.Tests.Market;

public sealed class TradingCalendarTests
{
    [Theory]
    [InlineData("2026-11-18T23:00:00Z", TradingSession.Asian)]
    [InlineData("2026-11-18T06:59:59Z", TradingSession.Asian)]
    [InlineData("2026-11-18T07:00:00Z", TradingSession.London)]
    [InlineData("2026-11-18T11:59:00Z", TradingSession.London)]
    [InlineData("2026-11-18T12:00:00Z", TradingSession.Overlap)]
    [InlineData("2026-11-18T16:00:00Z", TradingSession.NewYork)]
    [InlineData("2026-11-18T21:00:00Z", TradingSession.OffHours)]
    [InlineData("2026-11-18T22:59:59Z", TradingSession.OffHours)]
    public void SessionAt_WhenInstant_FollowsTheUtcTable(string instant, TradingSession expected) =>
        TradingCalendar.SessionAt(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Theory]
    [InlineData("2026-11-20T20:59:59Z", false)] // Friday before the close
    [InlineData("2026-11-20T21:00:00Z", true)]  // Friday close
    [InlineData("2026-11-21T12:00:00Z", true)]  // Saturday
    [InlineData("2026-11-22T21:59:59Z", true)]  // Sunday before the open
    [InlineData("2026-11-22T22:00:00Z", false)] // Sunday open
    [InlineData("2026-11-23T03:00:00Z", false)] // Monday
    public void IsWeekend_WhenInstant_CoversFridayCloseToSundayOpen(string instant, bool expected) =>
        TradingCalendar.IsWeekend(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Theory]
    [InlineData(TradingSession.London, false, 1)]
    [InlineData(TradingSession.Overlap, false, 1)]
    [InlineData(TradingSession.Asian, false, -1)]
    [InlineData(TradingSession.Asian, true, 0)]
    [InlineData(TradingSession.NewYork, false, 0)]
    public void SessionSign_WhenSessionAndPair_GivesTheContextDirection(TradingSession session, bool neutral, int expected) =>
        TradingCalendar.SessionSign(session, neutral).ShouldBe(expected);
}
