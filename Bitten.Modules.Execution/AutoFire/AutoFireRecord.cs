namespace Bitten.Modules.Execution.AutoFire;

/// <summary>Auto-fire tried this user's mission for this signal (table <c>auto_fires</c>, unique per user and signal).</summary>
internal sealed class AutoFireRecord
{
    public long UserId { get; set; }

    public string SignalId { get; set; } = string.Empty;

    public string MissionId { get; set; } = string.Empty;

    public long AtMs { get; set; }

    public bool Accepted { get; set; }

    public string? Reason { get; set; }
}
