using Bitten.Contracts.Users;

namespace Bitten.Modules.Users.Accounts;

/// <summary>A subscriber or operator, identified by their Telegram id.</summary>
internal sealed class UserRecord
{
    public long Id { get; set; }

    public long TelegramId { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    public string? Username { get; set; }

    /// <summary>IETF language tag from Telegram (e.g. <c>en</c>).</summary>
    public string LanguageCode { get; set; } = "en";

    /// <summary>IANA time zone id.</summary>
    public string TimeZone { get; set; } = "UTC";

    public string Tier { get; set; } = string.Empty;

    public UserRoles Roles { get; set; } = UserRoles.User;

    public string ReferralCode { get; set; } = string.Empty;

    public long? ReferrerUserId { get; set; }

    public long CreatedAtMs { get; set; }

    public long? LastSeenAtMs { get; set; }

    /// <summary>False once the user blocked the bot (Telegram 403) or was deactivated.</summary>
    public bool IsActive { get; set; } = true;

    public decimal RiskPercent { get; set; } = 2m;

    public bool AutoFireEnabled { get; set; }

    public decimal MinWinProbability { get; set; } = 0.55m;

    public DrillTone DrillTone { get; set; } = DrillTone.Balanced;

    public List<NotificationSettingRecord> NotificationSettings { get; set; } = [];

    public List<LinkedEaRecord> LinkedEas { get; set; } = [];
}
