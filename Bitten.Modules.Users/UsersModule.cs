using Bitten.Contracts.Hosting;
using Bitten.Modules.Common;
using Bitten.Modules.Users.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Users;

/// <summary>The Users module's only entry points: service registration and HTTP endpoints.</summary>
public static class UsersModule
{
    /// <summary>Registers the module's options, database, handlers and background services.</summary>
    public static IHostApplicationBuilder AddUsersModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<UsersOptions>()
            .BindConfiguration(UsersOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.AddModuleSqlite<UsersDbContext>("Users", "users.db");
        builder.Services.AddHostedService(sp => new ModuleStartedLogger(() => Log.ModuleStarted(
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Bitten.Modules.Users"),
            sp.GetRequiredService<ModuleDatabaseHandle<UsersDbContext>>().Database.FilePath)));
        return builder;
    }

    /// <summary>Maps the module's HTTP routes.</summary>
    public static IEndpointRouteBuilder MapUsersEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
