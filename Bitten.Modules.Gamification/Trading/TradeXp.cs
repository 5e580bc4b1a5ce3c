namespace Bitten.Modules.Gamification.Trading;

/// <summary>XP for a closed trade (DOMAIN §11): rewards the process (a win, or a loss taken at the planned stop), never size.</summary>
internal static class TradeXp
{
    /// <summary>WIN: base + per-R bonus for every full R above 1 (2.9 R → +1 × bonus).</summary>
    public static int ForWin(double rMultiple, int baseXp, int perR)
    {
        var fullRAboveOne = rMultiple > 1 ? (int)Math.Floor(rMultiple - 1) : 0;
        return baseXp + (perR * Math.Min(fullRAboveOne, 1000));
    }
}
