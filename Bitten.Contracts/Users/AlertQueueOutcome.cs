namespace Bitten.Contracts.Users;

/// <summary>What happened to a <see cref="QueueUserAlert"/>.</summary>
public enum AlertQueueOutcome
{
    Unknown = 0,
    Queued = 1,

    /// <summary>An alert with the same dedupe key was already queued or sent.</summary>
    Duplicate = 2,

    /// <summary>The user turned this kind of alert off.</summary>
    MutedByUser = 3,
    UnknownUser = 4,

    /// <summary>The user blocked the bot or was deactivated.</summary>
    UserInactive = 5,

    /// <summary>The text or key was empty or too long (Telegram's limit is 4096 characters).</summary>
    Rejected = 6,
}
