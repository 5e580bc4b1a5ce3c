namespace Bitten.Modules.Users.Accounts;

/// <summary>Roles of a user, stored as flags; values never renumbered.</summary>
[Flags]
internal enum UserRoles
{
    None = 0,
    User = 1,
    Admin = 2,
}
