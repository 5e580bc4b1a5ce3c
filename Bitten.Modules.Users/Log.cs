using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Users;

/// <summary>Every log line of the Users module, with stable event ids. Never a token, hash or initData.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Users module started (database {DatabasePath})")]
    public static partial void ModuleStarted(ILogger logger, string databasePath);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "User {UserId} linked EA {EaId}")]
    public static partial void EaLinked(ILogger logger, long userId, string eaId);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "User {UserId} unlinked EA {EaId}")]
    public static partial void EaUnlinked(ILogger logger, long userId, string eaId);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "User {UserId} rotated the token of EA {EaId}")]
    public static partial void EaTokenRotated(ILogger logger, long userId, string eaId);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "User {UserId} (Telegram {TelegramId}) signed in via {Method}")]
    public static partial void SignedIn(ILogger logger, long userId, long telegramId, string method);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Sign-in refused: {Reason}")]
    public static partial void SignInRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "Telegram {Method} failed with {Outcome} (HTTP {StatusCode}): {Description}")]
    public static partial void TelegramCallFailed(ILogger logger, string method, string outcome, int statusCode, string? description);

    [LoggerMessage(EventId = 31, Level = LogLevel.Information, Message = "Telegram {Method} retry {Attempt} in {Delay} ({Reason})")]
    public static partial void TelegramRetry(ILogger logger, string method, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 32, Level = LogLevel.Warning, Message = "Skipped an unreadable Telegram update (update_id {UpdateId}): {Reason}")]
    public static partial void TelegramBadUpdate(ILogger logger, long? updateId, string reason);

    [LoggerMessage(EventId = 40, Level = LogLevel.Error, Message = "Alert sender pass failed; retrying shortly")]
    public static partial void AlertSenderFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "Alert {AlertId} to user {UserId} failed for good: {Error}")]
    public static partial void AlertFailed(ILogger logger, long alertId, long userId, string? error);

    [LoggerMessage(EventId = 42, Level = LogLevel.Warning, Message = "User {UserId} blocked the bot: marked inactive, {Dropped} pending alerts dropped")]
    public static partial void UserBlockedBot(ILogger logger, long userId, int dropped);

    [LoggerMessage(EventId = 50, Level = LogLevel.Information, Message = "Bot command /{Command} from Telegram user {TelegramId}")]
    public static partial void BotCommand(ILogger logger, string command, long telegramId);

    [LoggerMessage(EventId = 51, Level = LogLevel.Error, Message = "Bot update {UpdateId} failed; skipped")]
    public static partial void BotUpdateFailed(ILogger logger, long updateId, Exception exception);

    [LoggerMessage(EventId = 52, Level = LogLevel.Error, Message = "Bot polling failed; retrying shortly")]
    public static partial void BotPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "Admin {AdminUserId} set the tier of user {UserId} to {Tier}")]
    public static partial void AdminSetTier(ILogger logger, long adminUserId, long userId, string tier);

    [LoggerMessage(EventId = 61, Level = LogLevel.Information, Message = "Admin {AdminUserId} set user {UserId} active={Active}")]
    public static partial void AdminSetActive(ILogger logger, long adminUserId, long userId, bool active);

    [LoggerMessage(EventId = 70, Level = LogLevel.Information, Message = "User {UserId} erased their data (the user row existed: {Existed})")]
    public static partial void UserErased(ILogger logger, long userId, bool existed);

    [LoggerMessage(EventId = 71, Level = LogLevel.Warning, Message = "Could not queue the {Kind} alert for user {UserId}")]
    public static partial void AlertQueueFailed(ILogger logger, string kind, long userId, Exception exception);

    [LoggerMessage(EventId = 73, Level = LogLevel.Error, Message = "Could not queue the {Count} mission alerts of signal {SignalId}")]
    public static partial void MissionAlertsFailed(ILogger logger, string signalId, int count, Exception exception);

    [LoggerMessage(EventId = 72, Level = LogLevel.Warning, Message = "Publishing {Notification} for user {UserId} failed; the user's request went ahead")]
    public static partial void PublishFailed(ILogger logger, string notification, long userId, Exception exception);
}
