using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Users;

/// <summary>Every log line of the Users module, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Users module started (database {DatabasePath})")]
    public static partial void ModuleStarted(ILogger logger, string databasePath);
}
