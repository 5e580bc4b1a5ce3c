using System.Diagnostics;
using System.Reflection;
using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Hosting;
using Bitten.Contracts.Missions;
using Bitten.Contracts.Signals;
using Bitten.Contracts.Users;
using Bitten.Modules.Execution;
using Bitten.Modules.Execution.Persistence;
using Bitten.Modules.Execution.Registry;
using Bitten.Modules.Missions;
using Bitten.Modules.Users;
using Bitten.Modules.Users.Accounts;
using Bitten.Modules.Users.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bitten.Bench.Missions;

/// <summary>
/// How the bench wires the modules. <c>Real</c> (the default): Missions, Users and Execution registered as the host does
/// (their own handlers answer the audience, the accounts, the alerts, the auto-fire and its audit), with only Signals'
/// quotes faked and no background service of Users or Execution running (no ZeroMQ sockets, no Telegram). <c>Fakes</c>:
/// Missions alone with in-memory answers — Missions' own cost.
/// </summary>
internal static class Composition
{
    /// <summary>One user in this many opts in to auto-fire (on a tier that allows it), so the auto-fire path does real work.</summary>
    public const int AutoFireEvery = 50;

    public static void Register(IHostApplicationBuilder builder, World world, bool real)
    {
        var services = builder.Services;
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = "1000:BENCH",
            ["Telegram:Polling"] = "false",
            ["Telegram:MiniAppUrl"] = "https://bitten.example/hud",
            ["Alerts:SenderEnabled"] = "false",
        });
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(world);
        builder.AddMissionsModule();
        List<Assembly> assemblies = [typeof(MissionsModule).Assembly];
        if (real)
        {
            builder.AddUsersModule();
            builder.AddExecutionModule();
            assemblies.Add(typeof(UsersModule).Assembly);
            assemblies.Add(typeof(ExecutionModule).Assembly);
            // Only Missions' background services run: no ZeroMQ router, no Telegram sender or poller.
            foreach (var hosted in services.Where(d => d.ServiceType == typeof(IHostedService) && AssemblyOf(d) != typeof(MissionsModule).Assembly).ToList())
            {
                services.Remove(hosted);
            }
        }

        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();
        foreach (var type in assemblies.SelectMany(a => a.DefinedTypes).Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType
                && (i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>) || i.GetGenericTypeDefinition() == typeof(INotificationHandler<>))))
            {
                services.AddTransient(contract, type);
            }
        }

        services.AddTransient<IRequestHandler<GetMarketQuote, MarketQuote?>, FakeQuotes>();
        services.AddTransient<INotificationHandler<MissionsCreated>, CountAnnouncements>();
        if (!real)
        {
            services.AddTransient<IRequestHandler<ListSignalAudience, IReadOnlyList<AudienceMember>>, FakeAudience>();
            services.AddTransient<IRequestHandler<GetUserAccounts, IReadOnlyList<UserAccountWithSymbol>>, FakeAccounts>();
        }
    }

    /// <summary>Like the host: every ModuleDatabase's DbContext is migrated, then WAL is switched on once per file.</summary>
    public static void Migrate(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        foreach (var database in scope.ServiceProvider.GetServices<ModuleDatabase>())
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            db.Database.Migrate();
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }
    }

    /// <summary>
    /// Users 1..N: 90 % with a linked EA that has reported (a third on EUR accounts, every other one with the broker's EURUSD
    /// spec), 10 % without (view-only missions); COMMANDER tier, one in <see cref="AutoFireEvery"/> opted in to auto-fire.
    /// Real mode writes them to users.db and execution.db; fakes mode to the in-memory world.
    /// </summary>
    public static async Task SeedAsync(IServiceProvider services, World world, int users, bool real)
    {
        var now = DateTimeOffset.UtcNow;
        world.Audience = [.. Enumerable.Range(1, users).Select(i => new AudienceMember(new UserId(i), "COMMANDER", true, 2m, 3m, i % AutoFireEvery == 0, 0.55m, i % 10 != 0))];
        for (var id = 1; id <= users; id++)
        {
            if (id % 10 != 0)
            {
                world.Accounts[id] = new UserAccount(new UserId(id), "ea-" + id, Currency(id), 10_000m + id, 10_000m + id, true, now, 10_000m + id, 0m);
            }
        }

        if (!real)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var usersDb = scope.ServiceProvider.GetRequiredService<UsersDbContext>();
        usersDb.ChangeTracker.AutoDetectChangesEnabled = false;
        usersDb.Users.AddRange(Enumerable.Range(1, users).Select(i => new UserRecord
        {
            TelegramId = 700_000 + i, DisplayName = $"U{i}", Tier = "COMMANDER", ReferralCode = $"B{i}", CreatedAtMs = 1,
            AutoFireEnabled = i % AutoFireEvery == 0, MinWinProbability = 0.55m,
        }));
        await usersDb.SaveChangesAsync();
        usersDb.LinkedEas.AddRange(world.Accounts.Keys.Select(id => new LinkedEaRecord
        {
            EaId = "ea-" + id, UserId = id, TokenSalt = [1], TokenHash = [1], Label = "bench", IsDefault = true, CreatedAtMs = 1,
        }));
        await usersDb.SaveChangesAsync();

        var executionDb = scope.ServiceProvider.GetRequiredService<ExecutionDbContext>();
        executionDb.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var (id, account) in world.Accounts)
        {
            executionDb.Eas.Add(new EaRecord
            {
                EaId = account.EaId, UserId = id, Label = "bench", LastSeenAtMs = now.ToUnixTimeMilliseconds(), IsDefault = true, Currency = account.Currency,
                Balance = account.Balance, Equity = account.Equity, Margin = 0, FreeMargin = account.Equity,
            });
            if (id % 2 == 0)
            {
                executionDb.EaSymbols.Add(new EaSymbolRecord
                {
                    EaId = account.EaId, Symbol = "EURUSD", BrokerSymbol = "EURUSD", Digits = 5, Point = 0.00001m, TickSize = 0.00001m,
                    TickValue = account.Currency == "EUR" ? 0.90909m : 1m, ContractSize = 100_000m, VolumeMin = 0.01m, VolumeStep = 0.01m, VolumeMax = 100m,
                    CurrencyProfit = "USD", UpdatedAtMs = now.ToUnixTimeMilliseconds(),
                });
            }
        }

        await executionDb.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<EaRegistry>().EnsureLoadedAsync(CancellationToken.None);
    }

    /// <summary>Waits (polling every millisecond) until the fan-out worker has done every queued signal.</summary>
    public static async Task UntilFannedOutAsync(Modules.Missions.Creation.FanOutQueue queue)
    {
        var started = Stopwatch.GetTimestamp();
        while (queue.Outstanding > 0)
        {
            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException("the fan-out worker did not finish within 5 minutes");
            }

            await Task.Delay(1);
        }
    }

    private static string Currency(long id) => id % 3 == 0 ? "EUR" : "USD";

    private static Assembly? AssemblyOf(ServiceDescriptor d) =>
        d.ImplementationType?.Assembly ?? d.ImplementationFactory?.Method.DeclaringType?.Assembly ?? d.ImplementationInstance?.GetType().Assembly;
}
