using Bitten.Simulator.Market;

namespace Bitten.Simulator.Broker;

/// <summary>The account and dealing rules of the paper broker.</summary>
internal sealed record PaperBrokerSettings(
    IReadOnlyList<SymbolProfile> Symbols,
    decimal StartingBalance = 10_000m,
    string Currency = "USD",
    int Leverage = 100,
    int SlippagePoints = 0,
    decimal VolumeMin = 0.01m,
    decimal VolumeStep = 0.01m,
    decimal VolumeMax = 100m,
    int StopsLevelPoints = 0,
    int RememberedFires = 1000,
    bool OpenAtWeekends = false);
