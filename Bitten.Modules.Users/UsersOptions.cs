namespace Bitten.Modules.Users;

/// <summary>Configuration of the Users module (section <c>Modules:Users</c>), validated at start.</summary>
internal sealed class UsersOptions
{
    public const string SectionName = "Modules:Users";

    /// <summary>Switches the whole module off (tests and partial deployments use this).</summary>
    public bool Enabled { get; set; } = true;
}
