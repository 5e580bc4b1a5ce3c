namespace Bitten.Modules.Signals.Publishing;

/// <summary>
/// A stored signal: every field of the PROTOCOL signal message, the score components and shield reasons
/// (JSON), the structure context and ML features (JSON), and its virtual outcome once resolved.
/// </summary>
internal sealed class SignalRecord
{
    public string Id { get; set; } = string.Empty;
    public string Symbol { get; set; } = string.Empty;
    public int Side { get; set; }
    public string Pattern { get; set; } = string.Empty;
    public int Timeframe { get; set; }
    public decimal Entry { get; set; }
    public decimal StopLoss { get; set; }
    public decimal TakeProfit { get; set; }
    public double StopPips { get; set; }
    public double TargetPips { get; set; }
    public double RiskReward { get; set; }
    public double Confidence { get; set; }
    public double PatternScore { get; set; }
    public double ShieldScore { get; set; }
    public int ShieldClass { get; set; }
    public decimal ShieldMultiplier { get; set; }
    public double WinProbability { get; set; }
    public double ExpectedValueR { get; set; }
    public int Session { get; set; }
    public string SignalClass { get; set; } = string.Empty;
    public string? ModelVersion { get; set; }
    public double Threshold { get; set; }
    public long BarOpenMs { get; set; }
    public long CreatedMs { get; set; }
    public long ExpiresMs { get; set; }
    public long RecordedMs { get; set; }
    public string ComponentsJson { get; set; } = "[]";
    public string ShieldJson { get; set; } = "[]";
    public string ContextJson { get; set; } = "{}";
    public string FeaturesJson { get; set; } = "{}";
    public int Status { get; set; }
    public int Outcome { get; set; }
    public double? RMultiple { get; set; }
    public double? ResultPips { get; set; }
    public double? MfePips { get; set; }
    public double? MaePips { get; set; }
    public long? ResolvedMs { get; set; }
}

/// <summary>Lifecycle of a stored signal. Stored: never renumbered.</summary>
internal enum SignalStatus
{
    Unknown = 0,
    Open = 1,
    Resolved = 2,
}
