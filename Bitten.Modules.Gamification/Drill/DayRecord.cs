namespace Bitten.Modules.Gamification.Drill;

/// <summary>One user-local day of closed trades.</summary>
internal sealed record DayRecord(int Trades, int Wins, int Losses, double NetR)
{
    public static readonly DayRecord Empty = new(0, 0, 0, 0);

    /// <summary>Wins over all closed trades, in percent; 0 without trades.</summary>
    public double WinRatePercent => Trades == 0 ? 0 : 100.0 * Wins / Trades;
}
