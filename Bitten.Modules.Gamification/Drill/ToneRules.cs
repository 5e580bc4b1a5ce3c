namespace Bitten.Modules.Gamification.Drill;

/// <summary>DOMAIN §11 tone, first match: COMEBACK, ROUGH (no trades), OUTSTANDING, SOLID, DECENT, ROUGH.</summary>
internal static class ToneRules
{
    public static ReportTone Select(DayRecord today, DayRecord yesterday)
    {
        // A comeback needs a day to come back from and a day of trades to do it with.
        if (today.Trades > 0 && yesterday.Trades > 0 && today.WinRatePercent >= yesterday.WinRatePercent + 20)
        {
            return ReportTone.Comeback;
        }

        if (today.Trades == 0)
        {
            return ReportTone.Rough;
        }

        if (today.WinRatePercent >= 80 && today.Trades >= 4)
        {
            return ReportTone.Outstanding;
        }

        if (today.WinRatePercent >= 60 && today.Trades >= 2)
        {
            return ReportTone.Solid;
        }

        return today.WinRatePercent >= 40 || today.Wins > 0 ? ReportTone.Decent : ReportTone.Rough;
    }
}
