namespace Bitten.Modules.Signals;

/// <summary>Configuration of the Signals module (section <c>Modules:Signals</c>), validated at start.</summary>
internal sealed class SignalsOptions
{
    public const string SectionName = "Modules:Signals";

    /// <summary>Switches the whole module off (tests and partial deployments use this).</summary>
    public bool Enabled { get; set; } = true;
}
