namespace Bitten.Modules.Gamification;

/// <summary>Configuration of the Gamification module (section <c>Modules:Gamification</c>), validated at start.</summary>
internal sealed class GamificationOptions
{
    public const string SectionName = "Modules:Gamification";

    /// <summary>Switches the whole module off (tests and partial deployments use this).</summary>
    public bool Enabled { get; set; } = true;
}
