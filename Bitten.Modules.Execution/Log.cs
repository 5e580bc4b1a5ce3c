using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Execution;

/// <summary>Every log line of the Execution module, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Execution module started (database {DatabasePath})")]
    public static partial void ModuleStarted(ILogger logger, string databasePath);
}
