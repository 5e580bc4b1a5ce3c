using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Missions;

/// <summary>Every log line of the Missions module, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Missions module started (database {DatabasePath})")]
    public static partial void ModuleStarted(ILogger logger, string databasePath);
}
