namespace Bitten.Modules.Users.Accounts;

/// <summary>How a user wants one kind of message delivered; absent means <see cref="On"/>.</summary>
internal enum NotificationMode
{
    Unknown = 0,
    On = 1,

    /// <summary>Delivered without sound (Bot API <c>disable_notification</c>).</summary>
    Silent = 2,
    Off = 3,
}
