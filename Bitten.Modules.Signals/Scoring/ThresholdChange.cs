namespace Bitten.Modules.Signals.Scoring;

/// <summary>One review of the adaptive threshold that changed it, with its reasons (shown on /throne).</summary>
internal sealed class ThresholdChange
{
    public long Id { get; set; }
    public long AtMs { get; set; }
    public double Previous { get; set; }
    public double Next { get; set; }
    public int SignalsLast24h { get; set; }
    public double? WinRateLast24h { get; set; }
    public string ReasonsJson { get; set; } = "[]";
}
