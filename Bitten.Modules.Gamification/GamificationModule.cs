using Bitten.Contracts.Hosting;
using Bitten.Modules.Common;
using Bitten.Modules.Gamification.Achievements;
using Bitten.Modules.Gamification.Api;
using Bitten.Modules.Gamification.Drill;
using Bitten.Modules.Gamification.Leaderboard;
using Bitten.Modules.Gamification.Notebook;
using Bitten.Modules.Gamification.Persistence;
using Bitten.Modules.Gamification.Players;
using Bitten.Modules.Gamification.Progress;
using Bitten.Modules.Gamification.Referrals;
using Bitten.Modules.Gamification.Shop;
using Bitten.Modules.Gamification.Streaks;
using Bitten.Modules.Gamification.Tactics;
using Bitten.Modules.Gamification.Trading;
using Bitten.Modules.Gamification.Xp;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Gamification;

/// <summary>The Gamification module's only entry points: service registration and HTTP endpoints.</summary>
public static class GamificationModule
{
    /// <summary>Registers the module's options, database, handlers' services and the drill-report job.</summary>
    public static IHostApplicationBuilder AddGamificationModule(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GamificationOptions>()
            .BindConfiguration(GamificationOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<XpOptions>().BindConfiguration(XpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ShopOptions>().BindConfiguration(ShopOptions.SectionName)
            .Validate(o => o.Items.All(ShopItemIsValid), "Modules:Gamification:Shop:Items: every item needs a code (a-z, 0-9, '-'), a name, a known kind and a price of 1-10000000 XP.")
            .Validate(o => o.Items.Select(i => i.Code).Distinct(StringComparer.OrdinalIgnoreCase).Count() == o.Items.Count, "Modules:Gamification:Shop:Items: codes must be unique.")
            .ValidateOnStart();
        services.AddOptions<DrillReportOptions>().BindConfiguration(DrillReportOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => Quartz.CronExpression.IsValidExpression(o.Cron), "Modules:Gamification:DrillReport:Cron is not a valid Quartz cron expression.")
            .Validate(o => o.Guidance.Values.All(v => v.Length > 0 && v.All(line => !string.IsNullOrWhiteSpace(line))), "Modules:Gamification:DrillReport:Guidance: every key needs at least one non-empty line.")
            .ValidateOnStart();
        builder.AddModuleSqlite<GamificationDbContext>("Gamification", "gamification.db");
        services.TryAddSingleton(TimeProvider.System);

        services.AddGamificationServices();
        services.AddTransient<DrillReportJob>();
        services.AddSingleton(sp =>
        {
            var drill = sp.GetRequiredService<IOptions<DrillReportOptions>>().Value;
            // Disabled: a yearly no-op schedule would still be a job; instead never-firing is expressed by a far date.
            return new ScheduledJob("gamification.drill-report", typeof(DrillReportJob), drill.Enabled ? drill.Cron : "0 0 0 1 1 ? 2099");
        });
        services.AddHostedService(sp => new ModuleStartedLogger(() =>
        {
            _ = sp.GetRequiredService<GamificationMetrics>();
            Log.ModuleStarted(sp.GetRequiredService<ILoggerFactory>().CreateLogger("Bitten.Modules.Gamification"),
                sp.GetRequiredService<ModuleDatabaseHandle<GamificationDbContext>>().Database.FilePath);
        }));
        return builder;
    }

    /// <summary>Maps the module's HTTP routes.</summary>
    public static IEndpointRouteBuilder MapGamificationEndpoints(this IEndpointRouteBuilder endpoints) => endpoints.MapGamificationApi();

    /// <summary>The module's own services (also used by its tests, with fakes for the mediator and the clock).</summary>
    internal static IServiceCollection AddGamificationServices(this IServiceCollection services)
    {
        services.AddSingleton<GamificationMetrics>();
        services.AddSingleton<UserStateGate>();
        services.AddScoped<XpLedger>();
        services.AddScoped<PlayerDirectory>();
        services.AddScoped<AchievementService>();
        services.AddScoped<CheckInService>();
        services.AddScoped<TradeFacts>();
        services.AddScoped<TacticService>();
        services.AddScoped<JournalService>();
        services.AddScoped<ReferralService>();
        services.AddScoped<ShopService>();
        services.AddScoped<ProgressService>();
        services.AddScoped<LeaderboardService>();
        services.AddScoped<DrillReportService>();
        return services;
    }

    private static bool ShopItemIsValid(ShopItem item) =>
        System.Text.RegularExpressions.Regex.IsMatch(item.Code, "^[a-z0-9-]{1,48}$")
        && !string.IsNullOrWhiteSpace(item.Name)
        && Enum.IsDefined(item.Kind) && item.Kind != ShopItemKind.Unknown
        && item.Price is >= 1 and <= 10_000_000;
}
