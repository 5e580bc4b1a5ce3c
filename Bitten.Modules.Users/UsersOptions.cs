using System.ComponentModel.DataAnnotations;

namespace Bitten.Modules.Users;

/// <summary>Configuration of the Users module (section <c>Modules:Users</c>), validated at start.</summary>
internal sealed class UsersOptions
{
    public const string SectionName = "Modules:Users";

    /// <summary>Switches the whole module off (tests and partial deployments use this).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a validated (ea_id, ea_token) pair is answered from memory.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00",
        ErrorMessage = "Modules:Users:EaCredentialCacheTtl must be between 00:00:00 and 01:00:00 (default 00:01:00).")]
    public TimeSpan EaCredentialCacheTtl { get; set; } = TimeSpan.FromMinutes(1);
}
