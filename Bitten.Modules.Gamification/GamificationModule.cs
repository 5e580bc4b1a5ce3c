using Bitten.Contracts.Hosting;
using Bitten.Modules.Common;
using Bitten.Modules.Gamification.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Gamification;

/// <summary>The Gamification module's only entry points: service registration and HTTP endpoints.</summary>
public static class GamificationModule
{
    /// <summary>Registers the module's options, database, handlers and background services.</summary>
    public static IHostApplicationBuilder AddGamificationModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GamificationOptions>()
            .BindConfiguration(GamificationOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.AddModuleSqlite<GamificationDbContext>("Gamification", "gamification.db");
        builder.Services.AddHostedService(sp => new ModuleStartedLogger(() => Log.ModuleStarted(
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Bitten.Modules.Gamification"),
            sp.GetRequiredService<ModuleDatabaseHandle<GamificationDbContext>>().Database.FilePath)));
        return builder;
    }

    /// <summary>Maps the module's HTTP routes.</summary>
    public static IEndpointRouteBuilder MapGamificationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
