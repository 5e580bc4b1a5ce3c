namespace Bitten.Modules.Users.Audit;

/// <summary>The audit actions the Users module itself records (other modules name theirs in <c>AuditEventOccurred</c>).</summary>
internal static class AuditActions
{
    public const string SignIn = "auth.sign_in";
    public const string SignInRefused = "auth.sign_in_refused";
    public const string EaLinked = "ea.link";
    public const string EaUnlinked = "ea.unlink";
    public const string EaTokenRotated = "ea.rotate";
    public const string EaDefault = "ea.default";
    public const string AdminSetTier = "admin.set_tier";
    public const string AdminSetActive = "admin.set_active";
    public const string DataExported = "gdpr.export";
    public const string UserErased = "gdpr.erase";
}
