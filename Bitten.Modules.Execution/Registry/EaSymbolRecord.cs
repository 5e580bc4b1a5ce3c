namespace Bitten.Modules.Execution.Registry;

/// <summary>One symbol as an EA's broker specifies it (table <c>ea_symbols</c>).</summary>
internal sealed class EaSymbolRecord
{
    public string EaId { get; set; } = string.Empty;

    public string Symbol { get; set; } = string.Empty;

    public string BrokerSymbol { get; set; } = string.Empty;

    public int Digits { get; set; }

    public decimal Point { get; set; }

    public decimal TickSize { get; set; }

    public decimal TickValue { get; set; }

    public decimal ContractSize { get; set; }

    public decimal VolumeMin { get; set; }

    public decimal VolumeStep { get; set; }

    public decimal VolumeMax { get; set; }

    public int StopsLevelPoints { get; set; }

    public string CurrencyProfit { get; set; } = string.Empty;

    public int FillingModes { get; set; }

    public long UpdatedAtMs { get; set; }
}
