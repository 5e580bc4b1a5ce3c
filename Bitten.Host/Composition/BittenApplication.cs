using Bitten.Contracts.Hosting;
using Bitten.Host.Messaging;
using Bitten.Host.Observability;
using Bitten.Host.Persistence;
using Bitten.Host.Scheduling;
using Bitten.Host.Web;
using Bitten.Modules.Execution;
using Bitten.Modules.Gamification;
using Bitten.Modules.Missions;
using Bitten.Modules.Signals;
using Bitten.Modules.Users;
using Bitten.Simulator;
using Microsoft.AspNetCore.DataProtection;

namespace Bitten.Host.Composition;

/// <summary>Builds the one BITTEN process: cross-cutting services, then the modules, then the HTTP pipeline.</summary>
internal static class BittenApplication
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Host.UseDefaultServiceProvider(o =>
        {
            o.ValidateScopes = true;
            o.ValidateOnBuild = true;
        });
        builder.AddBittenLogging();

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        builder.Services.AddOptions<HttpEndpointOptions>().Bind(builder.Configuration).ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<HttpEndpointOptions>, HttpEndpointOptionsValidator>();
        // Bearer tokens are protected with the Data Protection key ring: keep it with the data, or every
        // restart signs every user out.
        builder.Services.AddDataProtection()
            .SetApplicationName("BITTEN")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(
                Path.Combine(builder.Configuration["Storage:DataDirectory"] ?? "./data", "keys"), builder.Environment.ContentRootPath)));
        builder.AddBittenObservability();
        builder.AddBittenScheduling();
        builder.AddBittenPersistence();

        // The modules, in one visible block. Each can be switched off with Modules:<Name>:Enabled.
        var modules = new ModuleSet(builder)
            .Add("Signals", typeof(SignalsModule), b => b.AddSignalsModule(), e => e.MapSignalsEndpoints())
            .Add("Missions", typeof(MissionsModule), b => b.AddMissionsModule(), e => e.MapMissionsEndpoints())
            .Add("Execution", typeof(ExecutionModule), b => b.AddExecutionModule(), e => e.MapExecutionEndpoints())
            .Add("Users", typeof(UsersModule), b => b.AddUsersModule(), e => e.MapUsersEndpoints())
            .Add("Gamification", typeof(GamificationModule), b => b.AddGamificationModule(), e => e.MapGamificationEndpoints());
        var beforeSimulator = builder.Services.Count;
        builder.AddSimulator();
        EmbeddedDefault.Register(builder, beforeSimulator);
        builder.Services.AddBittenMediator(modules.EnabledAssemblies);
        builder.Services.AddSingleton(modules);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The web HUD (static pages, no build step) before authentication: the pages are public, their data is not.
        app.UseHudPages();
        // Authentication, authorization and rate limits are registered by the Users module (bearer tokens
        // from Telegram initData; policies "user" and "admin"; rate-limit policy "auth").
        if (app.Services.GetService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>() is not null)
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }

        if (app.Services.GetService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>>() is not null
            && modules.EnabledNames.Contains("Users"))
        {
            app.UseRateLimiter();
        }
        app.MapOpenApi();
        app.MapHealthEndpoint();
        app.MapMetricsEndpoint();
        if (modules.EnabledNames.Contains("Users"))
        {
            app.MapMemoryDiagnosticsEndpoint(); // admin only: the "admin" policy comes with the Users module
        }

        modules.MapEndpoints(app);
        return app;
    }
}
