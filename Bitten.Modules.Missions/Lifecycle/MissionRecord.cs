namespace Bitten.Modules.Missions.Lifecycle;

/// <summary>One user's personal mission for one signal.</summary>
internal sealed class MissionRecord
{
    public string Id { get; set; } = string.Empty;
public long UserId { get; set; }
public string SignalId { get; set; } = string.Empty;
public int Status { get; set; }
public long CreatedAtMs { get; set; }
public long ExpiresAtMs { get; set; }
}
