namespace Bitten.Modules.Users.Audit;

/// <summary>One audit log row: who did what, to what, when and from where. No foreign key: the trail outlives an erased user (anonymised).</summary>
internal sealed class AuditRecord
{
    public long Id { get; set; }

    public long AtMs { get; set; }

    /// <summary>Acting user; null for the system, an anonymous caller, or an erased user.</summary>
    public long? ActorUserId { get; set; }

    public string Action { get; set; } = string.Empty;

    public string? Target { get; set; }

    public string? Detail { get; set; }

    /// <summary>Client IP, <c>telegram</c> or <c>system</c>.</summary>
    public string? Source { get; set; }
}
