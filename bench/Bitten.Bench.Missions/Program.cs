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

// Usage: dotnet run -c Release --project bench/Bitten.Bench.Missions [-- <output.json>]          fan-out for 1k/5k/20k users
//        dotnet run -c Release --project bench/Bitten.Bench.Missions -- sse [clients] [<output.json>] SSE fan-out to N live streams
// Through the module's public face only: AddMissionsModule, MediatR wired like the host, a real SQLite file (WAL).
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

int[] audiences = [1_000, 5_000, 20_000];
const int Runs = 5;
var output = args.FirstOrDefault() ?? Path.Combine(FindRepositoryRoot(), "bench", "results", "missions.json");
var previousSse = File.Exists(output) ? JsonNode.Parse(await File.ReadAllTextAsync(output))?["sse_fanout"]?.DeepClone() : null;
var results = new JsonArray();
var loadBefore = LoadAverage();
foreach (var users in audiences)
{
    var directory = Path.Combine(Path.GetTempPath(), $"bitten-bench-missions-{Guid.NewGuid():N}");
    Directory.CreateDirectory(directory);
    var world = new World();
    await using var services = Build(directory, world);
    Migrate(services);
    world.Audience = [.. Enumerable.Range(1, users).Select(i => new AudienceMember(new UserId(i), "GLADIATOR", true, 2m, 5m, false, 0.55m, true))];
    foreach (var member in world.Audience)
    {
        var id = member.UserId.Value;
        // a mix of account currencies; every tenth user has no terminal (view-only)
        if (id % 10 != 0)
        {
            world.Accounts[id] = new UserAccount(member.UserId, "ea-" + id, id % 3 == 0 ? "EUR" : "USD", 10_000m + id, 10_000m + id, true, DateTimeOffset.UtcNow, 10_000m, 0m);
        }
    }

    await FanOutAsync(services, world, "USDJPY"); // warm-up (JIT, connection pool, page cache)
    var timings = new List<double>();
    for (var run = 0; run < Runs; run++)
    {
        world.Announced = 0;
        var elapsed = await FanOutAsync(services, world, run % 2 == 0 ? "EURUSD" : "GBPJPY");
        if (world.Announced != users)
        {
            throw new InvalidOperationException($"{world.Announced} of {users} missions announced");
        }

        timings.Add(elapsed);
        Console.WriteLine($"  {users,6:N0} users run {run + 1}: {elapsed,8:0.0} ms ({users / elapsed * 1000:N0} missions/s)");
    }

    var stored = CountMissions(directory);
    timings.Sort();
    results.Add(new JsonObject
    {
        ["users"] = users,
        ["runs"] = Runs,
        ["median_ms"] = Math.Round(timings[Runs / 2], 1),
        ["best_ms"] = Math.Round(timings[0], 1),
        ["worst_ms"] = Math.Round(timings[^1], 1),
        ["median_missions_per_s"] = Math.Round(users / timings[Runs / 2] * 1000),
        ["runs_ms"] = new JsonArray([.. timings.Select(t => (JsonNode)Math.Round(t, 1))]),
        ["missions_stored_total"] = stored,
    });
    SqliteConnection.ClearAllPools();
    Directory.Delete(directory, recursive: true);
}

var document = new JsonObject
{
    ["benchmark"] = "missions-fanout",
    ["recorded_utc"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
    ["command"] = "dotnet run -c Release --project bench/Bitten.Bench.Missions",
    ["what"] = "SignalPublished published through MediatR → audience query, per-user GetUserAccount + GetBrokerSymbol (in-memory fakes), cross-rate sizing, "
        + "one transaction of multi-row INSERTs (64 rows each, the signal's shared fields bound once per statement) … ON CONFLICT DO NOTHING into missions.db (WAL, synchronous=NORMAL), then MissionCreated per user (counted). "
        + "Timed from Publish to its return: every mission stored and announced. 10 % of users have no terminal (view-only), a third have EUR accounts.",
    ["goal"] = "5,000 users well under 1 s",
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
if (previousSse is not null)
{
    document["sse_fanout"] = previousSse;
}

Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
Console.WriteLine($"wrote {output}");
return 0;

static async Task<double> FanOutAsync(IServiceProvider services, World world, string symbol)
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
    return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}

static ServiceProvider Build(string directory, World world)
{
    var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = directory });
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = directory });
    builder.Services.AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning).AddFilter("Bitten.Modules.Missions.Creation", LogLevel.Information));
    builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
    builder.Services.AddSingleton(TimeProvider.System);
    builder.Services.AddSingleton(world);
    builder.AddMissionsModule();
    builder.Services.AddScoped<ServiceFactory>(sp => sp.GetService!);
    builder.Services.AddScoped<IMediator, Mediator>();
    foreach (var type in typeof(MissionsModule).Assembly.DefinedTypes.Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
    {
        foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType
            && (i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>) || i.GetGenericTypeDefinition() == typeof(INotificationHandler<>))))
        {
            builder.Services.AddTransient(contract, type);
        }
    }

    builder.Services.AddTransient<IRequestHandler<ListSignalAudience, IReadOnlyList<AudienceMember>>, FakeAudience>();
    builder.Services.AddTransient<IRequestHandler<GetUserAccount, UserAccount?>, FakeAccounts>();
    builder.Services.AddTransient<IRequestHandler<GetBrokerSymbol, SymbolSpec?>, FakeBrokerSymbols>();
    builder.Services.AddTransient<IRequestHandler<GetMarketQuote, MarketQuote?>, FakeQuotes>();
    builder.Services.AddTransient<INotificationHandler<MissionCreated>, CountAnnouncements>();
    return builder.Services.BuildServiceProvider();
}

// Like the host: every ModuleDatabase's DbContext is migrated, then WAL is switched on once per file.
static void Migrate(IServiceProvider services)
{
    using var scope = services.CreateScope();
    foreach (var database in scope.ServiceProvider.GetServices<ModuleDatabase>())
    {
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
        db.Database.Migrate();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }
}

static long CountMissions(string directory)
{
    using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "missions.db")};Pooling=False");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT COUNT(*) FROM missions";
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
