using Bitten.Contracts.Hosting;
using Bitten.Modules.Common;
using Bitten.Modules.Users.Accounts;
using Bitten.Modules.Users.Alerts;
using Bitten.Modules.Users.Audit;
using Bitten.Modules.Users.Auth;
using Bitten.Modules.Users.Bot;
using Bitten.Modules.Users.Ea;
using Bitten.Modules.Users.Persistence;
using Bitten.Modules.Users.Privacy;
using Bitten.Modules.Users.Security;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Bitten.Modules.Users.Telegram;
using Bitten.Modules.Users.Tiers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Users;

/// <summary>The Users module's only entry points: service registration and HTTP endpoints.</summary>
public static class UsersModule
{
    /// <summary>
    /// Registers the module's options, database, handlers and background services, plus the process's
    /// authentication (bearer tokens), authorization policies <c>user</c> and <c>admin</c>, and the
    /// rate-limit policy <c>auth</c>. The host must call UseAuthentication, UseAuthorization and UseRateLimiter.
    /// </summary>
    public static IHostApplicationBuilder AddUsersModule(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<UsersOptions>().BindConfiguration(UsersOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TiersOptions>().BindConfiguration(TiersOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TiersOptions>, TiersOptionsValidator>();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<SecurityOptions>>((keys, security) =>
        {
            if (security.Value.Enabled)
            {
                keys.XmlEncryptor = new KeyRingEncryptor(new SecretBox(security.Value.KeyBytes()));
            }
        });
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.AddModuleSqlite<UsersDbContext>("Users", "users.db");

        services.AddSingleton<TierCatalog>();
        services.AddHttpContextAccessor();
        services.AddScoped<AuditLog>();
        services.AddScoped<UserDataService>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<UserSettingsService>();
        services.AddSingleton<EaCredentialCache>();
        services.AddScoped<EaLinkService>();
        services.AddSingleton<InitDataValidator>();
        services.AddScoped<LoginLinkService>();
        services.AddBittenAuth();
        services.AddTelegramBotClient();
        services.AddSingleton<AlertSignal>();
        services.AddScoped<AlertOutbox>();
        services.AddHostedService<AlertSender>();
        services.AddScoped<CommandRouter>();
        services.AddHostedService<UpdatePoller>();
        services.AddHostedService<WebhookRegistrar>();

        services.AddHostedService(sp => new ModuleStartedLogger(() => Log.ModuleStarted(
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Bitten.Modules.Users"),
            sp.GetRequiredService<ModuleDatabaseHandle<UsersDbContext>>().Database.FilePath)));
        return builder;
    }

    /// <summary>Maps the module's HTTP routes.</summary>
    public static IEndpointRouteBuilder MapUsersEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAuthEndpoints();
        endpoints.MapAccountEndpoints();
        endpoints.MapAdminEndpoints();
        endpoints.MapAuditEndpoints();
        endpoints.MapPrivacyEndpoints();
        endpoints.MapAdminUserList();
        endpoints.MapTelegramWebhook();
        return endpoints;
    }
}
