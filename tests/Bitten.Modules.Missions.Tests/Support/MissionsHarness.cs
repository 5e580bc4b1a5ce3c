using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Hosting;
using Bitten.Contracts.Missions;
using Bitten.Contracts.Signals;
using Bitten.Contracts.Users;
using Bitten.Modules.Missions.Creation;
using Bitten.Modules.Missions.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bitten.Modules.Missions.Tests.Support;

/// <summary>
/// The module as the host registers it (AddMissionsModule on a real SQLite file), MediatR wired by hand,
/// the module's own handlers found by scanning like the host does, and fakes for the other modules.
/// </summary>
internal sealed class MissionsHarness : IAsyncDisposable
{
    private readonly TemporaryDirectory _directory = new("missions");

    public MissionsHarness(bool executionRunning = true, IDictionary<string, string?>? settings = null, bool withSignals = true)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _directory.Path });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _directory.Path });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        Register(builder, Time, World, executionRunning, withSignals);
        Services = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<MissionsDbContext>().Database.Migrate();
    }

    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));

    public FakeWorld World { get; } = new();

    public ServiceProvider Services { get; }

    /// <summary>Registers the module, MediatR and the fakes on a builder (also used by the HTTP tests).</summary>
    public static void Register(IHostApplicationBuilder builder, ManualTimeProvider time, FakeWorld world, bool executionRunning, bool withSignals = true)
    {
        var services = builder.Services;
        services.AddLogging();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(world);
        builder.AddMissionsModule();

        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();
        foreach (var type in typeof(MissionsModule).Assembly.DefinedTypes.Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType
                && (i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>) || i.GetGenericTypeDefinition() == typeof(INotificationHandler<>))))
            {
                services.AddTransient(contract, type);
            }
        }

        services.AddTransient<IRequestHandler<ListSignalAudience, IReadOnlyList<AudienceMember>>, FakeAudience>();
        services.AddTransient<IRequestHandler<GetUserAccounts, IReadOnlyList<UserAccountWithSymbol>>, FakeAccounts>();
        services.AddTransient<IRequestHandler<GetMarketQuote, MarketQuote?>, FakeQuotes>();
        services.AddTransient<IRequestHandler<GetEaOwner, UserId?>, FakeEaOwners>();
        services.AddTransient<INotificationHandler<MissionsCreated>, RecordCreated>();
        if (withSignals)
        {
            services.AddTransient<IRequestHandler<ListLiveSignals, IReadOnlyList<SignalPublished>>, FakeLiveSignals>();
        }

        services.AddTransient<INotificationHandler<MissionStateChanged>, RecordStateChanges>();
        if (executionRunning)
        {
            services.AddTransient<IRequestHandler<FireMission, FireDecision>, FakeExecution>();
            services.AddTransient<IRequestHandler<GetMissionFires, IReadOnlyList<MissionFire>>, FakeMissionFires>();
        }
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task PublishAsync(INotification notification) => InScopeAsync(async sp =>
    {
        await sp.GetRequiredService<IMediator>().Publish(notification);
        return true;
    });

    /// <summary>Publishes a signal as the Signals publisher does, then runs the queued fan-out (the worker is not started here).</summary>
    public async Task PublishAsync(SignalPublished signal)
    {
        await PublishAsync((INotification)signal);
        await Worker.DrainAsync(CancellationToken.None);
    }

    /// <summary>The module's fan-out worker (registered as a hosted service, never started by this harness).</summary>
    public FanOutWorker Worker => Services.GetServices<IHostedService>().OfType<FanOutWorker>().Single();

    public Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request) =>
        InScopeAsync(sp => sp.GetRequiredService<IMediator>().Send(request));

    public Task<List<Bitten.Modules.Missions.Lifecycle.MissionRecord>> MissionsAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<MissionsDbContext>().Missions.AsNoTracking().OrderBy(m => m.UserId).ToListAsync());

    public Task<Bitten.Modules.Missions.Lifecycle.MissionRecord> MissionAsync(string id) =>
        InScopeAsync(sp => sp.GetRequiredService<MissionsDbContext>().Missions.AsNoTracking().SingleAsync(m => m.Id == id));

    public void AddUsers(int count, int firstId = 1, bool withAccount = true) => Seed.Users(World, Time, count, firstId, withAccount);

    public Bitten.Contracts.Execution.UserAccount Account(long id, decimal balance = 10_000m, string currency = "USD") => Seed.Account(Time, id, balance, currency);

    public SignalPublished Signal(string symbol = "EURUSD", decimal entry = 1.10000m, decimal sl = 1.09800m, decimal tp = 1.10300m,
        ShieldClass shield = ShieldClass.ShieldActive, decimal multiplier = 1.0m, TimeSpan? ttl = null) =>
        Seed.Signal(Time, symbol, entry, sl, tp, shield, multiplier, ttl);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        _directory.Dispose();
    }
}
