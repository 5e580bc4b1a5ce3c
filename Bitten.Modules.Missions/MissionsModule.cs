using Bitten.Contracts.Hosting;
using Bitten.Modules.Common;
using Bitten.Modules.Missions.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Missions;

/// <summary>The Missions module's only entry points: service registration and HTTP endpoints.</summary>
public static class MissionsModule
{
    /// <summary>Registers the module's options, database, handlers and background services.</summary>
    public static IHostApplicationBuilder AddMissionsModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MissionsOptions>()
            .BindConfiguration(MissionsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.AddModuleSqlite<MissionsDbContext>("Missions", "missions.db");
        builder.Services.AddHostedService(sp => new ModuleStartedLogger(() => Log.ModuleStarted(
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Bitten.Modules.Missions"),
            sp.GetRequiredService<ModuleDatabaseHandle<MissionsDbContext>>().Database.FilePath)));
        return builder;
    }

    /// <summary>Maps the module's HTTP routes.</summary>
    public static IEndpointRouteBuilder MapMissionsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
