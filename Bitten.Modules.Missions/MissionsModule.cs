using Bitten.Contracts.Hosting;
using Bitten.Modules.Common;
using Bitten.Modules.Missions.Api;
using Bitten.Modules.Missions.Creation;
using Bitten.Modules.Missions.Lifecycle;
using Bitten.Modules.Missions.Messaging;
using Bitten.Modules.Missions.Persistence;
using Bitten.Modules.Missions.Stream;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Missions;

/// <summary>The Missions module's only entry points: service registration and HTTP endpoints.</summary>
public static class MissionsModule
{
    /// <summary>Registers the module's options, database, services, expiry job and health; MediatR handlers are found by the host's scan.</summary>
    public static IHostApplicationBuilder AddMissionsModule(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MissionsOptions>()
            .BindConfiguration(MissionsOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => Quartz.CronExpression.IsValidExpression(o.ExpirySweepCron), "Modules:Missions:ExpirySweepCron is not a valid Quartz cron expression.")
            .Validate(o => o.DefaultVolumeMin <= o.DefaultVolumeMax, "Modules:Missions:DefaultVolumeMin must not exceed Modules:Missions:DefaultVolumeMax.")
            .ValidateOnStart();
        builder.AddModuleSqlite<MissionsDbContext>("Missions", "missions.db");

        services.AddMetrics();
        services.AddSingleton<MissionStreamHub>();
        services.AddSingleton<OpenPositionBook>();
        services.AddSingleton<MissionsMetrics>();
        services.AddScoped<Requests>();
        services.AddScoped<MissionTransitions>();
        services.AddScoped<MissionFanOut>();
        services.AddSingleton<FanOutsInProgress>();
        services.AddScoped<MissionAnnouncer>();
        services.AddSingleton<FanOutQueue>();
        services.AddHostedService<FanOutWorker>();
        services.AddTransient<ExpirySweepJob>();
        services.AddTransient<AnnouncementRecoveryJob>();
        services.AddSingleton<FiresInFlight>();
        services.AddTransient<FiringReconciliationJob>();
        services.AddSingleton(sp => new ScheduledJob("missions.firing-reconciliation", typeof(FiringReconciliationJob), sp.GetRequiredService<IOptions<MissionsOptions>>().Value.ExpirySweepCron));
        services.AddSingleton(sp => new ScheduledJob("missions.announcement-recovery", typeof(AnnouncementRecoveryJob), sp.GetRequiredService<IOptions<MissionsOptions>>().Value.ExpirySweepCron));
        services.AddHostedService<PositionStreamPump>();
        services.AddSingleton(sp => new ScheduledJob("missions.expiry-sweep", typeof(ExpirySweepJob), sp.GetRequiredService<IOptions<MissionsOptions>>().Value.ExpirySweepCron));
        services.AddSingleton<IHealthContributor, MissionsHealthContributor>();
        services.AddSingleton<IMemoryDiagnosticsContributor, StreamMemoryDiagnostics>();
        services.AddHostedService(sp => new ModuleStartedLogger(() =>
        {
            _ = sp.GetRequiredService<MissionsMetrics>(); // instruments exist from the start
            Log.ModuleStarted(sp.GetRequiredService<ILoggerFactory>().CreateLogger("Bitten.Modules.Missions"),
                sp.GetRequiredService<ModuleDatabaseHandle<MissionsDbContext>>().Database.FilePath);
        }));
        return builder;
    }

    /// <summary>Maps the module's HTTP routes.</summary>
    public static IEndpointRouteBuilder MapMissionsEndpoints(this IEndpointRouteBuilder endpoints) => endpoints.MapMissionsApi();
}
