namespace Bitten.Modules.Execution.Fires;

/// <summary>One state change of a fire, for its timeline (table <c>fire_events</c>).</summary>
internal sealed class FireEventRecord
{
    public long Id { get; set; }

    public string FireId { get; set; } = string.Empty;

    public FireStatus Status { get; set; }

    public long AtMs { get; set; }

    public string? Detail { get; set; }
}
