namespace Bitten.Modules.Execution.Registry;

/// <summary>An open position from an EA's last heartbeat (table <c>ea_positions</c>); <see cref="FireId"/> is null for positions BITTEN did not open.</summary>
internal sealed class EaPositionRecord
{
    public string EaId { get; set; } = string.Empty;

    public long Position { get; set; }

    public string? FireId { get; set; }

    public string Symbol { get; set; } = string.Empty;

    public int Side { get; set; }

    public decimal Volume { get; set; }

    public decimal OpenPrice { get; set; }

    public decimal? StopLoss { get; set; }

    public decimal? TakeProfit { get; set; }

    public decimal Profit { get; set; }

    public long OpenTsMs { get; set; }

    public long ReportedAtMs { get; set; }
}
