namespace Bitten.Contracts.Signals;

/// <summary>Candle timeframes; the value is the bar length in minutes. Stored and sent: never renumbered.</summary>
public enum Timeframe
{
    Unknown = 0,
    M1 = 1,
    M5 = 5,
    M15 = 15,
    H1 = 60,
}
