namespace Bitten.Modules.Missions.Lifecycle;

/// <summary>One user's personal mission for one signal (table <c>missions</c>); times are epoch milliseconds UTC.</summary>
internal sealed class MissionRecord
{
    public string Id { get; set; } = string.Empty;

    public long UserId { get; set; }

    public string SignalId { get; set; } = string.Empty;

    /// <summary>A <see cref="Bitten.Contracts.Common.MissionStatus"/>; moved only by compare-and-set.</summary>
    public int Status { get; set; }

    public long CreatedAtMs { get; set; }

    public long ExpiresAtMs { get; set; }

    public long UpdatedAtMs { get; set; }

    public string Symbol { get; set; } = string.Empty;

    public int Side { get; set; }

    public string Pattern { get; set; } = string.Empty;

    public int Timeframe { get; set; }

    public decimal Entry { get; set; }

    public decimal StopLoss { get; set; }

    public decimal TakeProfit { get; set; }

    public decimal StopPips { get; set; }

    public decimal TargetPips { get; set; }

    public double RiskReward { get; set; }

    public double Confidence { get; set; }

    public double ShieldScore { get; set; }

    public int ShieldClass { get; set; }

    public decimal ShieldMultiplier { get; set; }

    public double WinProbability { get; set; }

    public double ExpectedValueR { get; set; }

    public int Session { get; set; }

    public string SignalClass { get; set; } = string.Empty;

    public long SignalCreatedAtMs { get; set; }

    public decimal Volume { get; set; }

    public decimal RiskMoney { get; set; }

    public decimal RewardMoney { get; set; }

    /// <summary>Risk aimed at, in percent of balance (after tier cap, shield, halving and the daily budget).</summary>
    public decimal RiskPercent { get; set; }

    public decimal? Balance { get; set; }

    public string AccountCurrency { get; set; } = string.Empty;

    /// <summary>Where the value of a price unit came from: <c>broker</c> (tick value/size) or <c>cross_rates</c>; empty when not sized.</summary>
    public string ValueSource { get; set; } = string.Empty;

    public bool Fireable { get; set; }

    /// <summary>A <see cref="Bitten.Contracts.Execution.FireRefusal"/> why a view-only mission cannot be fired.</summary>
    public int NotFireableCode { get; set; }

    public string? NotFireableReason { get; set; }

    public string? FireId { get; set; }

    public int FireSource { get; set; }

    public string? StatusReason { get; set; }

    public decimal? FillPrice { get; set; }

    public decimal? FilledVolume { get; set; }

    public decimal? Profit { get; set; }

    public double? ResultR { get; set; }

    public int TradeResult { get; set; }

    public long? ClosedAtMs { get; set; }

    /// <summary>
    /// When <c>MissionCreated</c> was published for this row; null until then. A row left null by a crash between
    /// storing and announcing is announced again by <see cref="Creation.AnnouncementRecoveryJob"/> (the row is its own outbox entry).
    /// </summary>
    public long? AnnouncedAtMs { get; set; }
}
