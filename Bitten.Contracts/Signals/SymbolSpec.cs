namespace Bitten.Contracts.Signals;

/// <summary>
/// A symbol's trading specification as one EA's broker reports it (PROTOCOL <c>symbols</c>).
/// <paramref name="Symbol"/> is canonical (EURUSD); <paramref name="BrokerSymbol"/> is that terminal's name.
/// </summary>
public sealed record SymbolSpec(
    string Symbol,
    string BrokerSymbol,
    int Digits,
    decimal Point,
    decimal TickSize,
    decimal TickValue,
    decimal ContractSize,
    decimal VolumeMin,
    decimal VolumeStep,
    decimal VolumeMax,
    int StopsLevelPoints,
    string CurrencyProfit,
    int FillingModes);
