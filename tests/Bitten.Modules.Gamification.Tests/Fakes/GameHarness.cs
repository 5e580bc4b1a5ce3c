using Bitten.Contracts.Common;
using Bitten.Modules.Gamification.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Gamification.Tests.Fakes;

/// <summary>The module's services over a real migrated SQLite file, with a manual clock and a fake mediator.</summary>
internal sealed class GameHarness : IDisposable
{
    private readonly TemporaryDirectory _directory = new("gamification");
    private readonly ServiceProvider _provider;

    public GameHarness(DateTimeOffset start)
    {
        Clock = new ManualTimeProvider(start);
        DatabasePath = _directory.Combine("game.db");
        var services = new ServiceCollection();
        services.AddLogging();
        Configure(services);
        _provider = services.BuildServiceProvider();
        using var scope = _provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<GamificationDbContext>().Database.Migrate();
    }

    /// <summary>The module's services with this harness's clock, mediator and database (also for an HTTP test host).</summary>
    public void Configure(IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IMediator>(Mediator);
        services.AddOptions<GamificationOptions>();
        services.AddOptions<Xp.XpOptions>();
        services.AddOptions<Shop.ShopOptions>();
        services.AddOptions<Drill.DrillReportOptions>();
        services.AddDbContext<GamificationDbContext>(o => o.UseSqlite($"Data Source={DatabasePath};Default Timeout=30"));
        services.AddGamificationServices();
    }

    public ManualTimeProvider Clock { get; }

    public FakeMediator Mediator { get; } = new();

    public string DatabasePath { get; }

    /// <summary>Runs <paramref name="work"/> with a fresh scope (a fresh DbContext), as a handler or a request would.</summary>
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task RunAsync(Func<IServiceProvider, Task> work) => RunAsync(async sp =>
    {
        await work(sp);
        return 0;
    });

    public Task<long> BalanceAsync(long user) => RunAsync(sp => sp.GetRequiredService<Xp.XpLedger>().BalanceAsync(new UserId(user), CancellationToken.None));

    public void Dispose()
    {
        _provider.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
