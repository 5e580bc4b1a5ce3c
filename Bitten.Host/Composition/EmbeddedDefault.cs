using Bitten.Contracts.Users;
using Bitten.Simulator;
using MediatR;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Bitten.Host.Composition;

/// <summary>
/// The embedded default: with no configuration, <c>dotnet run</c> runs the built-in simulator as the feed
/// and as the demo subscriber's terminal. Before the simulator says hello, this links its EA to a demo
/// subscriber (and creates a demo admin); once the server listens, it prints one line with the login URL.
/// </summary>
internal sealed class EmbeddedDefault(
    SimulatorIdentity simulator,
    IServiceScopeFactory scopes,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<EmbeddedDefault> logger) : IHostedService
{
    /// <summary>
    /// Registers the seeding ahead of the simulator's services (<paramref name="simulatorStart"/>): hosted
    /// services start in order, so the demo EA is linked before the paper EA says hello.
    /// </summary>
    public static void Register(IHostApplicationBuilder builder, int simulatorStart)
    {
        var identity = builder.Services.Select(d => d.ImplementationInstance).OfType<SimulatorIdentity>().FirstOrDefault();
        if (identity is not { Enabled: true })
        {
            return;
        }

        // The simulator is the feed: its ticks drive candles and signals.
        if (builder.Configuration.GetSection("Modules:Signals:FeedSources").Get<string[]>() is not { Length: > 0 })
        {
            builder.Configuration.AddInMemoryCollection([new("Modules:Signals:FeedSources:0", identity.EaId)]);
        }

        // A simulated market open at weekends (the demo's default): Signals detect on weekend bars and the weekend guard
        // lets fires through to this EA only. Real terminals keep the market calendar.
        if (identity.OpenAtWeekends)
        {
            var executionOpen = builder.Configuration.GetSection("Modules:Execution:WeekendOpenEas").Get<string[]>() ?? [];
            var extra = new List<KeyValuePair<string, string?>>();
            if (!executionOpen.Contains(identity.EaId, StringComparer.Ordinal))
            {
                extra.Add(new($"Modules:Execution:WeekendOpenEas:{executionOpen.Length}", identity.EaId));
            }

            if (builder.Configuration["Modules:Signals:SignalsAtWeekends"] is null
                && (builder.Configuration.GetSection("Modules:Signals:FeedSources").Get<string[]>() ?? []).All(s => s == identity.EaId))
            {
                extra.Add(new("Modules:Signals:SignalsAtWeekends", "true"));
            }

            builder.Configuration.AddInMemoryCollection(extra);
        }

        builder.Services.Insert(simulatorStart, ServiceDescriptor.Singleton<IHostedService, EmbeddedDefault>());
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        DemoAccounts accounts;
        try
        {
            accounts = await mediator.Send(new SeedDemoAccounts(simulator.EaId, simulator.EaToken), cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            Log.DemoSeedSkipped(logger, ex.Message); // the Users module is off: no demo users
            return;
        }

        lifetime.ApplicationStarted.Register(() =>
        {
            var url = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:8888";
            Log.DemoLogin(logger, url.TrimEnd('/'), accounts.SubscriberLoginCode, accounts.AdminLoginCode, accounts.CodesExpireAt);
        });
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
