namespace Bitten.Modules.Missions.Sizing;

/// <summary>Contract sizes used only when the broker has not reported the symbol (DOMAIN §1 instruments).</summary>
internal static class Instruments
{
    public static decimal DefaultContractSize(string symbol) => symbol switch
    {
        "XAUUSD" => 100m,
        "XAGUSD" => 5_000m,
        _ => 100_000m,
    };
}
