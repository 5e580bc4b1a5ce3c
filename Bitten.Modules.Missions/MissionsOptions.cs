namespace Bitten.Modules.Missions;

/// <summary>Configuration of the Missions module (section <c>Modules:Missions</c>), validated at start.</summary>
internal sealed class MissionsOptions
{
    public const string SectionName = "Modules:Missions";

    /// <summary>Switches the whole module off (tests and partial deployments use this).</summary>
    public bool Enabled { get; set; } = true;
}
