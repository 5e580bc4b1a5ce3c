using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Gamification;

/// <summary>Every log line of the Gamification module, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Gamification module started (database {DatabasePath})")]
    public static partial void ModuleStarted(ILogger logger, string databasePath);
}
