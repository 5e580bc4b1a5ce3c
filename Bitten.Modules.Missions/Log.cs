using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Missions;

/// <summary>Every log line of the Missions module, with stable event ids; trade lines carry their ids.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Missions module started (database {DatabasePath})")]
    public static partial void ModuleStarted(ILogger logger, string databasePath);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Signal {SignalId} {Symbol}: {Created} missions created ({Fireable} fireable, {ViewOnly} view-only, {Existing} already existed) for {Audience} users in {ElapsedMs:0.0} ms (lookups and sizing {SizeMs:0.0}, store {StoreMs:0.0}, announce {AnnounceMs:0.0})")]
    public static partial void FanOutDone(ILogger logger, string signalId, string symbol, int created, int fireable, int viewOnly, int existing, int audience, double elapsedMs,
        double sizeMs, double storeMs, double announceMs);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Signal {SignalId}: the Users module is not running (no ListSignalAudience handler); no missions created")]
    public static partial void NoAudienceSource(ILogger logger, string signalId);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Signal {SignalId} arrived already expired (expires {ExpiresAt:o}); no missions created")]
    public static partial void SignalAlreadyExpired(ILogger logger, string signalId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 13, Level = LogLevel.Error, Message = "Signal {SignalId}: creating missions failed")]
    public static partial void FanOutFailed(ILogger logger, string signalId, Exception exception);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "Signal {SignalId} user {UserId}: sizing the mission failed; it is stored view-only")]
    public static partial void SizingFailed(ILogger logger, string signalId, long userId, Exception exception);

    [LoggerMessage(EventId = 15, Level = LogLevel.Error, Message = "Signal {SignalId}: announcing its {Count} new missions (MissionsCreated) failed")]
    public static partial void AnnounceFailed(ILogger logger, string signalId, int count, Exception exception);

    [LoggerMessage(EventId = 16, Level = LogLevel.Warning, Message = "Signal {SignalId}: the fan-out queue is full ({Capacity} signals waiting); the publisher waits for room")]
    public static partial void FanOutQueueFull(ILogger logger, string signalId, int capacity);

    [LoggerMessage(EventId = 17, Level = LogLevel.Warning, Message = "Catch-up: signal {SignalId} {Symbol} was stored but has no missions (the process stopped before its fan-out); fanning it out now")]
    public static partial void CatchingUp(ILogger logger, string signalId, string symbol);

    [LoggerMessage(EventId = 18, Level = LogLevel.Error, Message = "Catch-up of signals stored before the start failed; they get no missions unless published again")]
    public static partial void CatchUpFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 19, Level = LogLevel.Warning, Message = "Catch-up: the Signals module is not running (no ListLiveSignals handler); signals stored before the start are not checked for missions")]
    public static partial void NoCatchUpSource(ILogger logger);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Mission {MissionId} user {UserId}: {From} → {To} (fire {FireId}) {Reason}")]
    public static partial void Transitioned(ILogger logger, string missionId, long userId, string from, string to, string? fireId, string? reason);

    [LoggerMessage(EventId = 21, Level = LogLevel.Debug, Message = "Mission {MissionId}: {Event} ignored in state {Status}")]
    public static partial void TransitionIgnored(ILogger logger, string missionId, string @event, string status);

    [LoggerMessage(EventId = 22, Level = LogLevel.Error, Message = "Mission {MissionId}: announcing its state change failed")]
    public static partial void StateAnnounceFailed(ILogger logger, string missionId, Exception exception);

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Mission {MissionId} user {UserId} via {Source}: fire accepted as {FireId}")]
    public static partial void FireAccepted(ILogger logger, string missionId, long userId, string source, string fireId);

    [LoggerMessage(EventId = 31, Level = LogLevel.Information, Message = "Mission {MissionId} user {UserId} via {Source}: fire refused ({Refusal}) {Reason}")]
    public static partial void FireRefused(ILogger logger, string missionId, long userId, string source, string refusal, string? reason);

    [LoggerMessage(EventId = 32, Level = LogLevel.Error, Message = "Mission {MissionId} user {UserId}: Execution failed to take the fire; the mission is back to PENDING")]
    public static partial void FireErrored(ILogger logger, string missionId, long userId, Exception exception);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "Announced {Count} missions again that a crash or failure had left unannounced")]
    public static partial void Reannounced(ILogger logger, int count);

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Expiry sweep: {Count} missions expired")]
    public static partial void Expired(ILogger logger, int count);

    [LoggerMessage(EventId = 50, Level = LogLevel.Debug, Message = "Stream client of user {UserId} dropped: it fell {Queue} events behind")]
    public static partial void StreamClientDropped(ILogger logger, long userId, int queue);

    [LoggerMessage(EventId = 51, Level = LogLevel.Error, Message = "Stream: delivering an event to user {UserId} failed")]
    public static partial void StreamPublishFailed(ILogger logger, long userId, Exception exception);

    [LoggerMessage(EventId = 52, Level = LogLevel.Error, Message = "Stream: the price pump failed this round; it runs again next round")]
    public static partial void PricePumpFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 42, Level = LogLevel.Warning, Message = "Mission {MissionId} reconciled from {From} to {To} (fire {FireId}): a crash or a lost announcement had left it behind")]
    public static partial void FiringReconciled(ILogger logger, string missionId, string from, string to, string? fireId);
}
