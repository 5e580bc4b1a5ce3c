using Bitten.Contracts.Users;

namespace Bitten.Modules.Users.Accounts;

/// <summary>A user's delivery choice for one event type (absent row: on).</summary>
internal sealed class NotificationSettingRecord
{
    public long UserId { get; set; }

    public AlertKind Event { get; set; }

    public NotificationMode Mode { get; set; } = NotificationMode.On;
}
