using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Signals;

/// <summary>Every log line of the Signals module, with stable event ids; trade lines carry the signal id.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Signals module started (database {DatabasePath})")]
    public static partial void ModuleStarted(ILogger logger, string databasePath);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Feed socket bound on port {Port}")]
    public static partial void FeedBound(ILogger logger, int port);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Feed message rejected ({Reason}) from EA {EaId} {Detail} (further ones counted, logged again in a minute)")]
    public static partial void FeedMessageRejected(ILogger logger, string reason, string eaId, string detail);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Feed ingest iteration failed; the loop continues")]
    public static partial void IngestLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "Engine iteration failed; the loop continues")]
    public static partial void EngineLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Engine warm: {Bars} stored bars replayed, {Open} open signals re-armed, threshold {Threshold}")]
    public static partial void EngineWarmed(ILogger logger, int bars, int open, double threshold);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Signal {SignalId} published: {Symbol} {Pattern} {Side} TCS {Tcs:0.0} p(win) {WinProbability:0.000}")]
    public static partial void SignalPublished(ILogger logger, string signalId, string symbol, string pattern, string side, double tcs, double winProbability);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Signal {SignalId} resolved {Outcome} at {R:0.00} R")]
    public static partial void SignalResolved(ILogger logger, string signalId, string outcome, double r);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error, Message = "Signal {SignalId} could not be stored; it is not published")]
    public static partial void SignalNotStored(ILogger logger, string signalId, Exception exception);

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "Publishing iteration failed; the loop continues")]
    public static partial void PublishFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "Writing {Count} bars failed; they are lost from the warm-restart store (signals are unaffected)")]
    public static partial void BarWriteFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Adaptive threshold {Previous:0.00} → {Next:0.00}: {Reasons}")]
    public static partial void ThresholdChanged(ILogger logger, double previous, double next, string reasons);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "ML model {Version} loaded as current (the engine's win probability)")]
    public static partial void ModelLoaded(ILogger logger, string version);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "ML training from {Source}: {Rows} labelled rows, fewer than {Minimum}: no model, the pattern prior stands")]
    public static partial void ModelNotTrained(ILogger logger, string source, int rows, int minimum);

    [LoggerMessage(EventId = 22, Level = LogLevel.Information, Message = "ML model {Version} trained from {Source} on {Rows} rows: AUC {Auc:0.000}, log-loss {LogLoss:0.0000}, {Decision}")]
    public static partial void ModelTrained(ILogger logger, string version, string source, int rows, double auc, double logLoss, string decision);

    [LoggerMessage(EventId = 23, Level = LogLevel.Warning, Message = "ML model {Version} rolled back to; it scores new signals from now")]
    public static partial void ModelRolledBack(ILogger logger, string version);

    [LoggerMessage(EventId = 24, Level = LogLevel.Warning, Message = "Signal {SignalId} left out of ML training: its stored features are unreadable")]
    public static partial void TrainingRowSkipped(ILogger logger, string signalId);

    [LoggerMessage(EventId = 25, Level = LogLevel.Error, Message = "ML model training failed; the current model stays")]
    public static partial void ModelTrainingFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 26, Level = LogLevel.Error, Message = "The current ML model could not be loaded; the model in use (or the pattern prior) stays until the next check")]
    public static partial void ModelLoadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 27, Level = LogLevel.Warning, Message = "Test signal {SignalId} forced on {Symbol} {Side} by an operator (Modules:Signals:TestSignals is on: never in production)")]
    public static partial void TestSignalForced(ILogger logger, string signalId, string symbol, string side);
}
