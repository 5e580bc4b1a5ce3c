using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;
using Serilog.Settings.Configuration;

namespace Bitten.Host.Observability;

/// <summary>
/// Serilog through Microsoft.Extensions.Logging: readable console lines and a rolling JSON file
/// under <c>Logging:Directory</c> (default <c>./logs</c>). A <c>Serilog</c> section may override levels.
/// </summary>
internal static class LoggingSetup
{
    public static IHostApplicationBuilder AddBittenLogging(this IHostApplicationBuilder builder)
    {
        var directory = Path.GetFullPath(builder.Configuration["Logging:Directory"] ?? "./logs", builder.Environment.ContentRootPath);
        var level = builder.Configuration.GetValue("Logging:MinimumLevel", LogEventLevel.Information);
        var logger = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
            .WriteTo.File(
                new JsonFormatter(renderMessage: true),
                Path.Combine(directory, "bitten-.json"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14,
                shared: true)
            .ReadFrom.Configuration(builder.Configuration, new ConfigurationReaderOptions { SectionName = "Serilog" })
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
    }
}
