namespace Bitten.Modules.Execution.Fires;

/// <summary>One fire of one mission (table <c>fires</c>, unique on mission id).</summary>
internal sealed class FireRecord
{
    public string FireId { get; set; } = string.Empty;

    public string MissionId { get; set; } = string.Empty;

    public long UserId { get; set; }

    public string SignalId { get; set; } = string.Empty;

    public string EaId { get; set; } = string.Empty;

    public string Symbol { get; set; } = string.Empty;

    public string BrokerSymbol { get; set; } = string.Empty;

    public int Side { get; set; }

    public decimal Volume { get; set; }

    public decimal Entry { get; set; }

    public decimal StopLoss { get; set; }

    public decimal TakeProfit { get; set; }

    public decimal RiskMoney { get; set; }

    public decimal Point { get; set; }

    public int Source { get; set; }

    public FireStatus Status { get; set; }

    public long CreatedAtMs { get; set; }

    public long ExpiresAtMs { get; set; }

    public long? SentAtMs { get; set; }

    public long? FilledAtMs { get; set; }

    public decimal? FillPrice { get; set; }

    public decimal? FilledVolume { get; set; }

    public long? Position { get; set; }

    public long? ClosedAtMs { get; set; }

    public decimal? ClosePrice { get; set; }

    public decimal? Profit { get; set; }

    public double? RMultiple { get; set; }

    public int? Result { get; set; }

    public int? CloseReason { get; set; }

    public int? Retcode { get; set; }

    public string? Message { get; set; }

    /// <summary>BITMODE exits apply (the user's tier allowed them when the fire was created); null on fires from before BITMODE.</summary>
    public bool? Bitmode { get; set; }

    /// <summary>Volume still open after partial closes; null until the first partial close.</summary>
    public decimal? RemainingVolume { get; set; }

    /// <summary>Net profit already realised by partial closes (account currency); null until the first one.</summary>
    public decimal? PartialProfit { get; set; }

    /// <summary><see cref="PartialProfit"/> in R (over <see cref="RiskMoney"/>).</summary>
    public double? PartialR { get; set; }

    public bool IsOpen => Status is FireStatus.Queued or FireStatus.Sent or FireStatus.Filled or FireStatus.Unconfirmed;
}
