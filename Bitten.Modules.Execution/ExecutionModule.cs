using Bitten.Contracts.Hosting;
using Bitten.Modules.Common;
using Bitten.Modules.Execution.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Execution;

/// <summary>The Execution module's only entry points: service registration and HTTP endpoints.</summary>
public static class ExecutionModule
{
    /// <summary>Registers the module's options, database, handlers and background services.</summary>
    public static IHostApplicationBuilder AddExecutionModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ExecutionOptions>()
            .BindConfiguration(ExecutionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.AddModuleSqlite<ExecutionDbContext>("Execution", "execution.db");
        builder.Services.AddHostedService(sp => new ModuleStartedLogger(() => Log.ModuleStarted(
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Bitten.Modules.Execution"),
            sp.GetRequiredService<ModuleDatabaseHandle<ExecutionDbContext>>().Database.FilePath)));
        return builder;
    }

    /// <summary>Maps the module's HTTP routes.</summary>
    public static IEndpointRouteBuilder MapExecutionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
