namespace Bitten.Modules.Signals.Market;

/// <summary>What the engine needs to know of one symbol: its index in the catalogue, pip size and digits.</summary>
internal sealed class SymbolInfo(int index, string name, double pipSize, int digits, bool active)
{
    public int Index { get; } = index;

    public string Name { get; } = name;

    /// <summary>The symbol name as UTF-8, for allocation-free matching in the message reader.</summary>
    public byte[] Utf8Name { get; } = System.Text.Encoding.UTF8.GetBytes(name);

    public double PipSize { get; } = pipSize;

    public int Digits { get; } = digits;

    /// <summary>Active symbols produce signals; reserve symbols are ingested and charted only.</summary>
    public bool Active { get; } = active;

    /// <summary>JPY, AUD and NZD pairs get no session bonus or malus (DOMAIN §5–6).</summary>
    public bool SessionNeutral { get; } =
        name.Contains("JPY", StringComparison.Ordinal) || name.Contains("AUD", StringComparison.Ordinal) || name.Contains("NZD", StringComparison.Ordinal);

    /// <summary>DOMAIN §1: 0.01 for JPY-quoted pairs, 0.1 for XAUUSD, 0.001 for XAGUSD, 0.0001 otherwise.</summary>
    public static double DefaultPipSize(string symbol) => symbol switch
    {
        "XAUUSD" => 0.1,
        "XAGUSD" => 0.001,
        _ when symbol.EndsWith("JPY", StringComparison.Ordinal) => 0.01,
        _ => 0.0001,
    };

    public static int DefaultDigits(string symbol) => symbol switch
    {
        "XAUUSD" => 2,
        "XAGUSD" => 3,
        _ when symbol.EndsWith("JPY", StringComparison.Ordinal) => 3,
        _ => 5,
    };

    /// <summary>Minimum stop floor in pips (DOMAIN §5: 5 pips, XAUUSD 30).</summary>
    public double MinStopPips => Name == "XAUUSD" ? 30 : 5;

    public double ToPips(double priceDistance) => priceDistance / PipSize;

    public override string ToString() => Name;
}
