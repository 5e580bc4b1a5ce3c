using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitten.Bench.Missions;
using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Hosting;
using Bitten.Contracts.Missions;
using Bitten.Contracts.Signals;
using Bitten.Contracts.Users;
using Bitten.Modules.Missions;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: dotnet run -c Release --project bench/Bitten.Bench.Missions [-- [fakes] [<output.json>]]  fan-out for 1k/5k/20k users
//        dotnet run -c Release --project bench/Bitten.Bench.Missions -- sse [clients] [<output.json>]  SSE fan-out to N live streams
//        dotnet run -c Release --project bench/Bitten.Bench.Missions -- sizing [users]                  per-user vs batched account lookups (printed)
// Through the modules' public faces: AddMissionsModule (+ AddUsersModule and AddExecutionModule unless "fakes"), MediatR
// wired like the host, real SQLite files (WAL), the module's own fan-out worker (see Composition).
// Each mode rewrites its own part of missions.json and keeps the other's.
if (args.FirstOrDefault() == "sse-server")
{
    return await SseServer.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture));
}

if (args.FirstOrDefault() == "sse")
{
    var clients = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000;
    var sseOutput = args.Length > 2 ? args[2] : Path.Combine(FindRepositoryRoot(), "bench", "results", "missions.json");
    var sseLoad = LoadAverage();
    var sse = await SseDriver.RunAsync(clients);
    sse["command"] = $"dotnet run -c Release --project bench/Bitten.Bench.Missions -- sse {clients}";
    sse["recorded_utc"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
    sse["load_average_before"] = sseLoad;
    sse["load_average_after"] = LoadAverage();
    var existing = File.Exists(sseOutput) ? JsonNode.Parse(await File.ReadAllTextAsync(sseOutput))!.AsObject() : new JsonObject { ["benchmark"] = "missions-fanout" };
    existing["sse_fanout"] = sse;
    await File.WriteAllTextAsync(sseOutput, existing.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    Console.WriteLine($"wrote {sseOutput}");
    return 0;
}

if (args.FirstOrDefault() == "sizing")
{
    return await SizingLookups.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000);
}

var fakesOnly = args.FirstOrDefault() == "fakes";
var real = !fakesOnly;
int[] audiences = [1_000, 5_000, 20_000];
const int Runs = 5;
var output = args.SkipWhile(a => a is "fakes" or "real").FirstOrDefault() ?? Path.Combine(FindRepositoryRoot(), "bench", "results", "missions.json");
var previous = File.Exists(output) ? JsonNode.Parse(await File.ReadAllTextAsync(output))!.AsObject() : new JsonObject { ["benchmark"] = "missions-fanout" };
var results = new JsonArray();
var loadBefore = LoadAverage();
Console.WriteLine(real ? "fan-out with the real Users and Execution handlers (mode real)" : "fan-out with in-memory Users and Execution (mode fakes)");
foreach (var users in audiences)
{
    var directory = Path.Combine(Path.GetTempPath(), $"bitten-bench-missions-{Guid.NewGuid():N}");
    Directory.CreateDirectory(directory);
    var world = new World();
    await using var services = Build(directory, world, real);
    Composition.Migrate(services);
    await Composition.SeedAsync(services, world, users, real);
    var worker = services.GetServices<IHostedService>().OfType<Bitten.Modules.Missions.Creation.FanOutWorker>().Single();
    var queue = services.GetRequiredService<Bitten.Modules.Missions.Creation.FanOutQueue>();
    await worker.StartAsync(CancellationToken.None);

    await FanOutAsync(services, queue, "USDJPY"); // warm-up (JIT, connection pool, page cache)
    var timings = new List<double>();
    var held = new List<double>();
    for (var run = 0; run < Runs; run++)
    {
        world.Announced = 0;
        var (elapsed, publisherHeld) = await FanOutAsync(services, queue, run % 2 == 0 ? "EURUSD" : "GBPJPY");
        if (world.Announced != users)
        {
            throw new InvalidOperationException($"{world.Announced} of {users} missions announced");
        }

        timings.Add(elapsed);
        held.Add(publisherHeld);
        Console.WriteLine($"  {users,6:N0} users run {run + 1}: {elapsed,8:0.0} ms ({users / elapsed * 1000:N0} missions/s); publisher held {publisherHeld:0.00} ms");
    }

    await worker.StopAsync(CancellationToken.None);
    var stored = Count(directory, "missions.db", "SELECT COUNT(*) FROM missions");
    var alerts = real ? Count(directory, "users.db", "SELECT COUNT(*) FROM alert_outbox") : 0;
    var autoFires = real ? Count(directory, "execution.db", "SELECT COUNT(*) FROM auto_fires") : 0;
    timings.Sort();
    held.Sort();
    results.Add(new JsonObject
    {
        ["users"] = users,
        ["runs"] = Runs,
        ["median_ms"] = Math.Round(timings[Runs / 2], 1),
        ["best_ms"] = Math.Round(timings[0], 1),
        ["worst_ms"] = Math.Round(timings[^1], 1),
        ["median_missions_per_s"] = Math.Round(users / timings[Runs / 2] * 1000),
        ["runs_ms"] = new JsonArray([.. timings.Select(t => (JsonNode)Math.Round(t, 1))]),
        ["publisher_held_worst_ms"] = Math.Round(held[^1], 2),
        ["missions_stored_total"] = stored,
        ["alerts_queued_total"] = alerts,
        ["auto_fires_total"] = autoFires,
    });
    SqliteConnection.ClearAllPools();
    Directory.Delete(directory, recursive: true);
}

var document = new JsonObject
{
    ["recorded_utc"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
    ["command"] = "dotnet run -c Release --project bench/Bitten.Bench.Missions" + (fakesOnly ? " -- fakes" : string.Empty),
    ["what"] = (real
        ? "Missions, Users and Execution wired as the host wires them (Signals' quotes faked; no ZeroMQ or Telegram services running). "
        : "Missions alone: the audience and GetUserAccounts answered in memory. ")
        + "SignalPublished published through MediatR → the module's queue → its fan-out worker: audience query, one GetUserAccounts for every recipient, cross-rate or broker-spec sizing, "
        + "one transaction of multi-row INSERTs (64 rows each) … ON CONFLICT DO NOTHING into missions.db (WAL), each owner's stream frame queued, then one MissionsCreated"
        + (real ? " handled by Users (the batch's alert rows in one transaction) and Execution's auto-fire (one GetUserRiskProfiles; 1 in 50 users opted in, whose fires are refused: no terminal connected)" : " (counted)")
        + ". Timed from Publish until the worker has finished (every mission stored and announced); publisher_held is how long Publish kept the Signals publisher. "
        + "10 % of users have no terminal (view-only), a third have EUR accounts, half have the broker's EURUSD spec.",
    ["goal"] = "5,000 users in under 500 ms",
    ["machine"] = new JsonObject
    {
        ["logical_cores"] = Environment.ProcessorCount,
        ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        ["dotnet"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
        ["note"] = "2 cores shared with other engineers' builds; single runs vary",
        ["load_average_before"] = loadBefore,
        ["load_average_after"] = LoadAverage(),
    },
    ["results"] = results,
};
previous["benchmark"] = "missions-fanout";
previous[real ? "fanout" : "fanout_missions_only"] = document;
previous.Remove("results"); // the layout before the modes: its figures were taken with per-user announcements
previous.Remove("recorded_utc");
previous.Remove("command");
previous.Remove("what");
previous.Remove("goal");
previous.Remove("machine");
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, previous.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
Console.WriteLine($"wrote {output}");
return 0;

static async Task<(double ElapsedMs, double PublisherHeldMs)> FanOutAsync(IServiceProvider services, Bitten.Modules.Missions.Creation.FanOutQueue queue, string symbol)
{
    var now = DateTimeOffset.UtcNow;
    var (entry, sl, tp) = symbol switch
    {
        "EURUSD" => (1.10000m, 1.09800m, 1.10300m),
        "GBPJPY" => (190.00m, 189.60m, 190.60m),
        _ => (150.00m, 149.70m, 150.45m),
    };
    var signal = new SignalPublished(SignalId.New(now), symbol, Side.Buy, "BENCH", Timeframe.M5, entry, sl, tp, 20m, 30m, 1.5, 80, 7, ShieldClass.ShieldActive, 1m,
        0.6, 0.5, TradingSession.London, "RAPID", null, now, now.AddMinutes(15), now);
    await using var scope = services.CreateAsyncScope();
    var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
    var started = Stopwatch.GetTimestamp();
    await mediator.Publish(signal);
    var held = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    await Composition.UntilFannedOutAsync(queue);
    return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, held);
}

static ServiceProvider Build(string directory, World world, bool real)
{
    var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = directory });
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = directory });
    builder.Services.AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning).AddFilter("Bitten.Modules.Missions.Creation", LogLevel.Information));
    Composition.Register(builder, world, real);
    return builder.Services.BuildServiceProvider();
}

static long Count(string directory, string file, string sql)
{
    using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, file)};Pooling=False");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    return (long)command.ExecuteScalar()!;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Bitten.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Bitten.sln not found");
}
