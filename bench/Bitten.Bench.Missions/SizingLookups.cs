using System.Diagnostics;
using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bitten.Bench.Missions;

/// <summary>
/// What sizing a fan-out costs in lookups, against the real Execution module in one process: the per-user pair of
/// requests the fan-out used to send (<see cref="GetUserAccount"/> + <see cref="GetBrokerSymbol"/> for every
/// recipient) against the one <see cref="GetUserAccounts"/> it sends now. Alternating rounds, medians and their ratio
/// printed (a ratio measured in one run holds on a loaded machine better than either time).
/// </summary>
internal static class SizingLookups
{
    public static async Task<int> RunAsync(int users)
    {
        const int Rounds = 5;
        var directory = Path.Combine(Path.GetTempPath(), $"bitten-bench-sizing-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = directory });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = directory });
            builder.Services.AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
            var world = new World();
            Composition.Register(builder, world, real: true);
            await using var services = builder.Services.BuildServiceProvider();
            Composition.Migrate(services);
            await Composition.SeedAsync(services, world, users, real: true);
            var ids = Enumerable.Range(1, users).Select(i => new UserId(i)).ToList();
            var single = new List<double>();
            var batch = new List<double>();
            for (var round = 0; round <= Rounds; round++)
            {
                await using (var scope = services.CreateAsyncScope())
                {
                    var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
                    var started = Stopwatch.GetTimestamp();
                    var found = 0;
                    foreach (var id in ids)
                    {
                        if (await mediator.Send(new GetUserAccount(id)) is not null)
                        {
                            found++;
                            _ = await mediator.Send(new GetBrokerSymbol(id, "EURUSD"));
                        }
                    }

                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (round > 0)
                    {
                        single.Add(elapsed);
                    }

                    if (found != world.Accounts.Count)
                    {
                        throw new InvalidOperationException($"{found} accounts found, {world.Accounts.Count} seeded");
                    }
                }

                await using (var scope = services.CreateAsyncScope())
                {
                    var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
                    var started = Stopwatch.GetTimestamp();
                    var answer = await mediator.Send(new GetUserAccounts(ids, "EURUSD"));
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (round > 0)
                    {
                        batch.Add(elapsed);
                    }

                    if (answer.Count != world.Accounts.Count)
                    {
                        throw new InvalidOperationException($"{answer.Count} accounts answered, {world.Accounts.Count} seeded");
                    }
                }
            }

            single.Sort();
            batch.Sort();
            var (s, b) = (single[Rounds / 2], batch[Rounds / 2]);
            Console.WriteLine($"{users:N0} users, {world.Accounts.Count:N0} with an account, medians of {Rounds} rounds:");
            Console.WriteLine($"  per user (GetUserAccount + GetBrokerSymbol): {s,9:0.0} ms");
            Console.WriteLine($"  batched (one GetUserAccounts):               {b,9:0.0} ms   ({s / b:0.0} x less)");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
