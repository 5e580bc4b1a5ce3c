namespace Bitten.Contracts.Signals;

/// <summary>
/// Trading sessions in UTC, one definition used everywhere (DOMAIN §1): ASIAN 23:00–07:00,
/// LONDON 07:00–12:00, OVERLAP 12:00–16:00, NEW_YORK 16:00–21:00, OFF_HOURS 21:00–23:00.
/// </summary>
public enum TradingSession
{
    Unknown = 0,
    Asian = 1,
    London = 2,
    Overlap = 3,
    NewYork = 4,
    OffHours = 5,
}
