using Bitten.Contracts.Hosting;
using Bitten.Modules.Common;
using Bitten.Modules.Execution.Api;
using Bitten.Modules.Execution.Bitmode;
using Bitten.Modules.Execution.Fires;
using Bitten.Modules.Execution.Guards;
using Bitten.Modules.Execution.Persistence;
using Bitten.Modules.Execution.Registry;
using Bitten.Modules.Execution.Wire;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Execution;

/// <summary>The Execution module's only entry points: service registration and HTTP endpoints.</summary>
public static class ExecutionModule
{
    /// <summary>Registers the module's options, database, registry, ZeroMQ services (ROUTER 5555, PULL 5558) and handlers.</summary>
    public static IHostApplicationBuilder AddExecutionModule(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var testing = builder.Environment.IsEnvironment(ExecutionOptions.TestingEnvironment);
        services.AddOptions<ExecutionOptions>()
            .BindConfiguration(ExecutionOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => !o.HoldOutbox || testing,
                $"Modules:Execution:HoldOutbox is test-only fault injection (no fire would ever reach a terminal): it is refused unless the environment is {ExecutionOptions.TestingEnvironment}. Remove it.")
            .ValidateOnStart();
        services.AddOptions<ZmqOptions>().BindConfiguration(ZmqOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<BoundEndpoints>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        builder.AddModuleSqlite<ExecutionDbContext>("Execution", "execution.db");

        services.AddSingleton<EaRegistry>();
        services.AddSingleton<ExecutionMetrics>();
        services.AddSingleton<FireLifecycle>();
        services.AddSingleton<HeartbeatProcessor>();
        services.AddSingleton<HaltSwitch>();
        services.AddSingleton<RouterQueue>();
        services.AddSingleton<PingTracker>();
        services.AddSingleton<EaAuthenticator>();
        services.AddSingleton<IHealthContributor, ExecutionHealthContributor>();
        services.AddHostedService<CommandRouterService>();
        services.AddSingleton<ReportIngestService>();
        services.AddHostedService(sp => sp.GetRequiredService<ReportIngestService>());
        services.AddSingleton<BitmodeExitService>();
        services.AddHostedService(sp => sp.GetRequiredService<BitmodeExitService>());
        services.AddHostedService(sp => new ModuleStartedLogger(() =>
        {
            _ = sp.GetRequiredService<ExecutionMetrics>(); // instruments exist from the start
            Log.ModuleStarted(sp.GetRequiredService<ILoggerFactory>().CreateLogger("Bitten.Modules.Execution"),
                sp.GetRequiredService<ModuleDatabaseHandle<ExecutionDbContext>>().Database.FilePath);
        }));
        return builder;
    }

    /// <summary>Maps the module's HTTP routes.</summary>
    public static IEndpointRouteBuilder MapExecutionEndpoints(this IEndpointRouteBuilder endpoints) => endpoints.MapExecutionApi().MapGuards();
}
