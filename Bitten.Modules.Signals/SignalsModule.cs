using Bitten.Contracts.Hosting;
using Bitten.Modules.Common;
using Bitten.Modules.Signals.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Signals;

/// <summary>The Signals module's only entry points: service registration and HTTP endpoints.</summary>
public static class SignalsModule
{
    /// <summary>Registers the module's options, database, handlers and background services.</summary>
    public static IHostApplicationBuilder AddSignalsModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SignalsOptions>()
            .BindConfiguration(SignalsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.AddModuleSqlite<SignalsDbContext>("Signals", "signals.db");
        builder.Services.AddHostedService(sp => new ModuleStartedLogger(() => Log.ModuleStarted(
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Bitten.Modules.Signals"),
            sp.GetRequiredService<ModuleDatabaseHandle<SignalsDbContext>>().Database.FilePath)));
        return builder;
    }

    /// <summary>Maps the module's HTTP routes.</summary>
    public static IEndpointRouteBuilder MapSignalsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
