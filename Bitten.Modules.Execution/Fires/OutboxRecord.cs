namespace Bitten.Modules.Execution.Fires;

/// <summary>A command waiting for the router (table <c>outbox</c>); written in the fire's own transaction.</summary>
internal sealed class OutboxRecord
{
    public long Id { get; set; }

    public string FireId { get; set; } = string.Empty;

    public long CreatedAtMs { get; set; }

    public long? DoneAtMs { get; set; }
}
