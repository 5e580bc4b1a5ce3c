namespace Bitten.Modules.Execution.Registry;

/// <summary>A linked terminal's Expert Advisor as last seen by the server.</summary>
internal sealed class EaRecord
{
    public string EaId { get; set; } = string.Empty;
public long UserId { get; set; }
public string Label { get; set; } = string.Empty;
public long? LastSeenAtMs { get; set; }
}
