namespace Bitten.Modules.Execution.Registry;

/// <summary>A linked terminal's Expert Advisor as last seen by the server (table <c>eas</c>).</summary>
internal sealed class EaRecord
{
    public string EaId { get; set; } = string.Empty;

    public long UserId { get; set; }

    public string Label { get; set; } = string.Empty;

    public long? LastSeenAtMs { get; set; }

    // Columns added by migration 20261122030000_Registry (nullable: ALTER TABLE appends them).
    public bool? IsDefault { get; set; }

    public string? Currency { get; set; }

    public decimal? Balance { get; set; }

    public decimal? Equity { get; set; }

    public decimal? Margin { get; set; }

    public decimal? FreeMargin { get; set; }

    public int? BrokerUtcOffsetSeconds { get; set; }

    public string? AccountLogin { get; set; }

    public string? Broker { get; set; }

    public decimal? StartOfDayEquity { get; set; }

    /// <summary>The UTC day (epoch days) <see cref="StartOfDayEquity"/> belongs to.</summary>
    public long? StartOfDayDay { get; set; }
}
