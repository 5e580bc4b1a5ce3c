using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Gamification;

/// <summary>Every log line of the Gamification module, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Gamification module started (database {DatabasePath})")]
    public static partial void ModuleStarted(ILogger logger, string databasePath);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "XP +{Amount} to user {UserId} for {Reason} (key {AwardKey}); balance {Balance}")]
    public static partial void XpAwarded(ILogger logger, long userId, int amount, string reason, string awardKey, long balance);

    [LoggerMessage(EventId = 11, Level = LogLevel.Debug, Message = "XP award {AwardKey} for user {UserId} already in the ledger; replay ignored")]
    public static partial void XpDuplicate(ILogger logger, long userId, string awardKey);

    [LoggerMessage(EventId = 13, Level = LogLevel.Error, Message = "A listener of XpAwarded {AwardKey} for user {UserId} failed; the award stays in the ledger")]
    public static partial void XpAwardedListenerFailed(ILogger logger, long userId, string awardKey, Exception exception);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "User {UserId} bought {Item} for {Price} XP")]
    public static partial void ShopPurchase(ILogger logger, long userId, string item, int price);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "User {UserId} streak {StreakDays} on {LocalDate} ({Outcome})")]
    public static partial void StreakUpdated(ILogger logger, long userId, int streakDays, string localDate, string outcome);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Users module has no profile for user {UserId}; using UTC")]
    public static partial void ProfileMissing(ILogger logger, long userId);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "Could not refresh the profile of user {UserId}; keeping the stored time zone")]
    public static partial void ProfileRefreshFailed(ILogger logger, long userId, Exception exception);

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Fire {FireId} of user {UserId} (mission {MissionId}, signal {SignalId}) recorded")]
    public static partial void FireRecorded(ILogger logger, string fireId, long userId, string missionId, string signalId);

    [LoggerMessage(EventId = 31, Level = LogLevel.Information, Message = "Trade {FireId} of user {UserId} (mission {MissionId}, signal {SignalId}) closed {Result} at {RMultiple} R")]
    public static partial void TradeRecorded(ILogger logger, string fireId, long userId, string missionId, string signalId, string result, double rMultiple);

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Tactic check for user {UserId}: {Tactic} refused ({Reason})")]
    public static partial void TacticRefused(ILogger logger, long userId, string tactic, string reason);

    [LoggerMessage(EventId = 50, Level = LogLevel.Information, Message = "Drill report {Kind} for user {UserId} on {LocalDate}: tone {Tone}, outcome {Outcome}")]
    public static partial void DrillReportQueued(ILogger logger, string kind, long userId, string localDate, string tone, string outcome);

    [LoggerMessage(EventId = 51, Level = LogLevel.Error, Message = "Drill report for user {UserId} failed; will retry on the next run")]
    public static partial void DrillReportFailed(ILogger logger, long userId, Exception exception);

    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "Referral of user {RecruitId} by {ReferrerId}: {Outcome}")]
    public static partial void ReferralHandled(ILogger logger, long referrerId, long recruitId, string outcome);

    [LoggerMessage(EventId = 70, Level = LogLevel.Information, Message = "Achievement {Code} level {Level} for user {UserId}")]
    public static partial void AchievementUnlocked(ILogger logger, long userId, string code, string level);
}
