using Bitten.Contracts.Hosting;
using Bitten.Modules.Common;
using Bitten.Modules.Signals.Api;
using Bitten.Modules.Signals.Candles;
using Bitten.Modules.Signals.Engine;
using Bitten.Modules.Signals.Ingest;
using Bitten.Modules.Signals.Ml;
using Bitten.Modules.Signals.Persistence;
using Bitten.Modules.Signals.Publishing;
using Bitten.Modules.Signals.Scoring;
using Bitten.Modules.Signals.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Signals;

/// <summary>The Signals module's only entry points: service registration and HTTP endpoints.</summary>
public static class SignalsModule
{
    /// <summary>Registers the module's options, database, engine, ZeroMQ services, jobs and handlers.</summary>
    public static IHostApplicationBuilder AddSignalsModule(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SignalsOptions>()
            .BindConfiguration(SignalsOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.MinThreshold <= o.InitialThreshold && o.InitialThreshold <= o.MaxThreshold,
                "Modules:Signals:InitialThreshold must lie within [MinThreshold, MaxThreshold].")
            .Validate(o => o.ActiveSymbols.All(s => !string.IsNullOrWhiteSpace(s)), "Modules:Signals:ActiveSymbols may not contain empty names.")
            .Validate(o => Quartz.CronExpression.IsValidExpression(o.ThresholdReviewCron), "Modules:Signals:ThresholdReviewCron is not a valid Quartz cron expression.")
            .Validate(o => Quartz.CronExpression.IsValidExpression(o.ModelTrainingCron), "Modules:Signals:ModelTrainingCron is not a valid Quartz cron expression.")
            .ValidateOnStart();
        // The binder appends configured elements to a non-empty default array; a configured list replaces it instead.
        services.AddOptions<SignalsOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            var section = configuration.GetSection(SignalsOptions.SectionName);
            o.ActiveSymbols = ReplacingList(section.GetSection(nameof(SignalsOptions.ActiveSymbols))) ?? o.ActiveSymbols;
            o.ReserveSymbols = ReplacingList(section.GetSection(nameof(SignalsOptions.ReserveSymbols))) ?? o.ReserveSymbols;
        });
        services.AddOptions<ZmqOptions>().BindConfiguration(ZmqOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<BoundEndpoints>();
        builder.AddModuleSqlite<SignalsDbContext>("Signals", "signals.db");

        services.AddSingleton<SignalsRuntime>();
        services.AddSingleton<SignalsMetrics>();
        services.AddSingleton<Testing.TestSignalRequests>();
        // The ML filter (issue #12): the registry's current model is the engine's probability seam.
        services.TryAddSingleton<LiveWinModel>();
        services.TryAddSingleton<IWinProbabilityModel>(sp => sp.GetRequiredService<LiveWinModel>());
        services.AddSingleton<MlMetrics>();
        services.AddScoped<ModelRegistry>();
        services.AddScoped(sp => new WinModelTraining(sp.GetRequiredService<SignalsDbContext>(), sp.GetRequiredService<ModelRegistry>(), sp.GetRequiredService<LiveWinModel>(),
            sp.GetRequiredService<IOptions<SignalsOptions>>().Value, sp.GetRequiredService<MlMetrics>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<WinModelTraining>>()));
        services.AddHostedService<WinModelLoader>(); // before the engine starts scoring
        services.AddSingleton(sp => new FeedAuthenticator(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<IOptions<SignalsOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IHealthContributor, SignalsHealthContributor>();
        services.AddHostedService<EngineService>();
        services.AddHostedService<FeedIngestService>();
        services.AddHostedService<SignalPublisherService>();
        services.AddTransient<ThresholdReviewJob>();
        services.AddTransient<TrainWinModelJob>();
        services.AddSingleton(sp => new ScheduledJob("signals.model-training", typeof(TrainWinModelJob), sp.GetRequiredService<IOptions<SignalsOptions>>().Value.ModelTrainingCron));
        services.AddSingleton(sp => new ScheduledJob("signals.threshold-review", typeof(ThresholdReviewJob), sp.GetRequiredService<IOptions<SignalsOptions>>().Value.ThresholdReviewCron));
        services.AddHostedService(sp => new ModuleStartedLogger(() =>
        {
            _ = sp.GetRequiredService<SignalsMetrics>(); // instruments exist from the start
            Log.ModuleStarted(sp.GetRequiredService<ILoggerFactory>().CreateLogger("Bitten.Modules.Signals"),
                sp.GetRequiredService<ModuleDatabaseHandle<SignalsDbContext>>().Database.FilePath);
        }));
        return builder;
    }

    /// <summary>
    /// The host's <c>backtest</c> verb: replays history files through the live signal engine and writes a report
    /// (see <c>backtest --help</c>). Returns the process exit code (0, 64 usage, 74 file, 78 configuration).
    /// </summary>
    public static int RunBacktest(IReadOnlyList<string> args, IConfiguration configuration, TextWriter output, TextWriter error, bool interactive, CancellationToken cancellationToken) =>
        Backtest.BacktestCommand.Run(args, configuration, output, error, interactive, cancellationToken);

    /// <summary>The <c>backtest</c> verb's usage text.</summary>
    public static string BacktestUsage => Backtest.BacktestCommandLine.Usage;

    /// <summary>The configured elements of a list section in index order, or null when nothing is configured.</summary>
    private static string[]? ReplacingList(IConfigurationSection section) =>
        section.Exists() ? section.GetChildren().OrderBy(c => int.TryParse(c.Key, out var i) ? i : int.MaxValue).Select(c => c.Value ?? "").ToArray() : null;

    /// <summary>Maps the module's HTTP routes.</summary>
    public static IEndpointRouteBuilder MapSignalsEndpoints(this IEndpointRouteBuilder endpoints) => endpoints.MapSignalsApi().MapThresholdHistory().MapMlApi().MapTestSignals();
}
