namespace Bitten.Simulator;

/// <summary>Configuration of the built-in paper EA (section <c>Simulator</c>).</summary>
internal sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>Runs the simulator inside the host. Defaults to on when no real feed EA is configured.</summary>
    public bool? Enabled { get; set; }
}
