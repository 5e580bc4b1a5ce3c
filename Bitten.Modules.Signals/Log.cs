using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Signals;

/// <summary>Every log line of the Signals module, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Signals module started (database {DatabasePath})")]
    public static partial void ModuleStarted(ILogger logger, string databasePath);
}
