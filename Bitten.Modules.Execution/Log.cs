using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Execution;

/// <summary>Every log line of the Execution module, with stable event ids. Tokens are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Execution module started (database {DatabasePath})")]
    public static partial void ModuleStarted(ILogger logger, string databasePath);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "EA command socket (ROUTER) bound on port {Port}")]
    public static partial void CommandsBound(ILogger logger, int port);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "EA report socket (PULL) bound on port {Port}")]
    public static partial void ReportsBound(ILogger logger, int port);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "EA router loop iteration failed")]
    public static partial void RouterLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "EA report loop iteration failed")]
    public static partial void ReportLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "EA {EaId} of user {UserId} said hello (account {AccountLogin})")]
    public static partial void EaHello(ILogger logger, string eaId, long userId, string? accountLogin);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "EA hello refused for {EaId}: {Reason}")]
    public static partial void EaHelloRefused(ILogger logger, string eaId, string reason);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "EA message dropped ({Reason}) from {EaId}: {Detail}")]
    public static partial void EaMessageDropped(ILogger logger, string reason, string eaId, string? detail);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "EA {EaId} lost its command connection")]
    public static partial void EaSessionLost(ILogger logger, string eaId);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Fire {FireId} of mission {MissionId} for user {UserId} queued for EA {EaId} ({Symbol} {Side} {Volume}, source {Source})")]
    public static partial void FireQueued(ILogger logger, string fireId, string missionId, long userId, string eaId, string symbol, string side, decimal volume, string source);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Fire of mission {MissionId} for user {UserId} refused: {Refusal} ({Reason})")]
    public static partial void FireRefused(ILogger logger, string missionId, long userId, string refusal, string reason);

    [LoggerMessage(EventId = 22, Level = LogLevel.Information, Message = "Fire {FireId} of mission {MissionId} sent to EA {EaId}")]
    public static partial void FireSent(ILogger logger, string fireId, string missionId, string eaId);

    [LoggerMessage(EventId = 23, Level = LogLevel.Warning, Message = "Fire {FireId} of mission {MissionId} for user {UserId} failed ({Outcome}): {Reason}")]
    public static partial void FireFailed(ILogger logger, string fireId, string missionId, long userId, string outcome, string reason);

    [LoggerMessage(EventId = 24, Level = LogLevel.Information, Message = "Fire {FireId} of mission {MissionId} filled at {Price} (position {Position})")]
    public static partial void FireFilled(ILogger logger, string fireId, string missionId, decimal price, long position);

    [LoggerMessage(EventId = 25, Level = LogLevel.Information, Message = "Fire {FireId} of mission {MissionId} closed ({Reason}) at {ClosePrice}, profit {Profit}, {RMultiple:0.00} R")]
    public static partial void FireClosed(ILogger logger, string fireId, string missionId, string reason, decimal closePrice, decimal profit, double rMultiple);

    [LoggerMessage(EventId = 26, Level = LogLevel.Information, Message = "Fire {FireId} reconciled as filled from EA {EaId}'s heartbeat (position {Position})")]
    public static partial void FireReconciled(ILogger logger, string fireId, string eaId, long position);

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "Trading halt set to {Halted} by {Who} (close all: {CloseAll})")]
    public static partial void HaltChanged(ILogger logger, bool halted, string who, bool closeAll);

    [LoggerMessage(EventId = 31, Level = LogLevel.Information, Message = "Close of fire {FireId} (position {Position}) requested by user {UserId}")]
    public static partial void CloseRequested(ILogger logger, string fireId, long position, long userId);

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Auto-fire of mission {MissionId} for user {UserId} (signal {SignalId}): {Outcome}")]
    public static partial void AutoFire(ILogger logger, string missionId, long userId, string signalId, string outcome);

    [LoggerMessage(EventId = 41, Level = LogLevel.Error, Message = "Auto-fire of mission {MissionId} for user {UserId} failed")]
    public static partial void AutoFireFailed(ILogger logger, string missionId, long userId, Exception exception);

    [LoggerMessage(EventId = 42, Level = LogLevel.Error, Message = "Auto-fire of signal {SignalId}'s {Count} fireable missions failed: the risk profiles could not be read")]
    public static partial void AutoFireBatchFailed(ILogger logger, string signalId, int count, Exception exception);

    [LoggerMessage(EventId = 50, Level = LogLevel.Error, Message = "Publishing {Fact} for fire {FireId} failed")]
    public static partial void PublishFailed(ILogger logger, string fact, string fireId, Exception exception);

    [LoggerMessage(EventId = 51, Level = LogLevel.Warning, Message = "EA {EaId}: a new connection claimed its routing id; nothing is sent to it until a valid hello on that connection")]
    public static partial void EaRouteClaimed(ILogger logger, string eaId);

    [LoggerMessage(EventId = 27, Level = LogLevel.Information, Message = "Fire {FireId} of mission {MissionId}: partial close of {Volume} lots at {ClosePrice}, profit {Profit}; {Remaining} lots open")]
    public static partial void PartialClosed(ILogger logger, string fireId, string missionId, decimal volume, decimal closePrice, decimal profit, decimal remaining);

    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "BITMODE fire {FireId} (EA {EaId}): {Detail}")]
    public static partial void BitmodeStep(ILogger logger, string fireId, string eaId, string detail);

    [LoggerMessage(EventId = 61, Level = LogLevel.Error, Message = "BITMODE exit loop iteration failed")]
    public static partial void BitmodeLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 52, Level = LogLevel.Warning, Message = "Modules:Execution:HoldOutbox is set (test-only fault injection): no fire will be sent to any terminal")]
    public static partial void OutboxHeld(ILogger logger);
}
