namespace Bitten.Modules.Execution.Bitmode;

/// <summary>
/// The BITMODE exit of one fire (table <c>exit_plans</c>): its stage, the stop BITTEN knows the terminal holds, and the
/// one command in flight. The command is written here before it is sent (write-ahead), so a restart resumes it and
/// retries it only when the terminal's own report shows it was not done.
/// </summary>
internal sealed class ExitPlanRecord
{
    public string FireId { get; set; } = string.Empty;

    public ExitStage Stage { get; set; }

    /// <summary>Volume of the partial close at 1 R (0 when the position is too small to split).</summary>
    public decimal PartialVolume { get; set; }

    /// <summary>The stop the terminal is known to hold (acknowledged).</summary>
    public decimal Stop { get; set; }

    /// <summary>Trail modifies sent so far (part of the next command id).</summary>
    public int Trails { get; set; }

    public string? CommandId { get; set; }

    public ExitCommandKind CommandKind { get; set; }

    /// <summary>The stop a pending modify asks for.</summary>
    public decimal? CommandStop { get; set; }

    /// <summary>When the pending command was last handed to the router; null while it waits for a reachable terminal.</summary>
    public long? CommandSentAtMs { get; set; }

    public int Attempts { get; set; }

    public long UpdatedAtMs { get; set; }
}
