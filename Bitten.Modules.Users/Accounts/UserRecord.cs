namespace Bitten.Modules.Users.Accounts;

/// <summary>A subscriber or operator, identified by their Telegram id.</summary>
internal sealed class UserRecord
{
    public long Id { get; set; }
public long TelegramId { get; set; }
public string DisplayName { get; set; } = string.Empty;
public int Tier { get; set; }
public long CreatedAtMs { get; set; }
public long? LastSeenAtMs { get; set; }
}
