namespace Bitten.Modules.Execution;

/// <summary>Configuration of the Execution module (section <c>Modules:Execution</c>), validated at start.</summary>
internal sealed class ExecutionOptions
{
    public const string SectionName = "Modules:Execution";

    /// <summary>Switches the whole module off (tests and partial deployments use this).</summary>
    public bool Enabled { get; set; } = true;
}
