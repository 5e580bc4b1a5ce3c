using Microsoft.Extensions.Logging;

namespace Bitten.Simulator;

/// <summary>Every log line of the simulator, with stable event ids; trade lines carry the fire id and EA id.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Paper EA {EaId} started: {Symbols} symbols, seed {Seed}, speed x{Speed}, simulated start {Start:o}")]
    public static partial void Started(ILogger logger, string eaId, int symbols, int seed, double speed, DateTimeOffset start);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Paper EA {EaId} connected {Socket} to {Endpoint}")]
    public static partial void Connected(ILogger logger, string eaId, string socket, string endpoint);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Paper EA {EaId} sent hello ({Why})")]
    public static partial void HelloSent(ILogger logger, string eaId, string why);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Paper EA {EaId} hello acknowledged (ok {Ok}) {Error}")]
    public static partial void HelloAcknowledged(ILogger logger, string eaId, bool ok, string? error);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Fire {FireId} on EA {EaId}: {Status} {Symbol} {Side} {Volume} at {Price} (retcode {Retcode}) {Message}")]
    public static partial void FireAnswered(ILogger logger, string fireId, string eaId, string status, string symbol, string side, decimal volume, decimal price, int retcode, string message);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Fire {FireId} position {Position} on EA {EaId} closed ({Reason}) at {Price}, profit {Profit}")]
    public static partial void PositionClosed(ILogger logger, string fireId, long position, string eaId, string reason, decimal price, decimal profit);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Paper EA {EaId} ignored a command: {Error}")]
    public static partial void CommandRejected(ILogger logger, string eaId, string error);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "Paper EA {EaId} loop {Loop} iteration failed; the loop continues")]
    public static partial void LoopFailed(ILogger logger, string eaId, string loop, Exception exception);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "Fire {FireId} modify of position {Position} on EA {EaId} refused: {Error}")]
    public static partial void ModifyRefused(ILogger logger, string fireId, long position, string eaId, string error);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Paper EA is off (Simulator:Enabled false, or a real feed EA is configured in Modules:Signals:FeedSources)")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Paper EA {EaId} warming up: {WarmUp} of synthetic history at x{WarmUpSpeed} so detectors are warm; signals found in it are already expired (no missions)")]
    public static partial void WarmingUp(ILogger logger, string eaId, TimeSpan warmUp, double warmUpSpeed);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Paper EA {EaId} warmed up after {Ticks} ticks: simulated time {Now:o}, now running at x{Speed}")]
    public static partial void WarmedUp(ILogger logger, string eaId, long ticks, DateTimeOffset now, double speed);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "Paper EA {EaId}: {WeekendNow}the demo's synthetic market stays open at weekends (Simulator:OpenAtWeekends), and the host treats this EA's market as open (signals are detected, fires to it are not refused for the weekend). Real EAs are unaffected.")]
    public static partial void OpenAtWeekends(ILogger logger, string eaId, string weekendNow);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "Paper EA {EaId} replayed {Count} recent close reports after hello (the server settles any it missed and ignores the rest)")]
    public static partial void ClosesReplayed(ILogger logger, string eaId, int count);
}
