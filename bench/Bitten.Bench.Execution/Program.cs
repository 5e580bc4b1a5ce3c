using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Hosting;
using Bitten.Contracts.Signals;
using Bitten.Modules.Execution;
using Bitten.Modules.Execution.Persistence;
using Bitten.Zmq;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bitten.Bench.Execution;

/// <summary>
/// Hosts the Execution module with stand-in Users/Signals handlers, links one managed EA (DEALER + PUSH,
/// loopback TCP), then measures (1) FireMission request → fire command received by the EA, one at a
/// time, and (2) filled confirmations processed per second. Writes bench/results/execution.json.
/// </summary>
internal static class Program
{
    public const string EaId = "bench-ea";
    public const string Token = "bench-token";
    public const double FiresPerSecond = 200;

    public static async Task<int> Main(string[] args)
    {
        var fires = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1000;
        var output = args.Length > 1 ? args[1] : Path.Combine("bench", "results", "execution.json");
        var confirmations = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
        var dir = Directory.CreateTempSubdirectory("bitten-bench-execution").FullName;
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = dir });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DataDirectory"] = dir,
                ["Zmq:CommandPort"] = "0",
                ["Zmq:ReportPort"] = "0",
                ["Modules:Execution:ConfirmTimeout"] = "00:10:00",
                ["Modules:Execution:StaleAfter"] = "00:10:00", // the bench EA sends no heartbeats; a loaded machine may take longer than 30 s
            });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
            builder.Services.AddSingleton<TimeProvider>(new TuesdayClock());
            builder.AddExecutionModule();
            builder.Services.AddScoped<ServiceFactory>(sp => sp.GetService!);
            builder.Services.AddScoped<IMediator, Mediator>();
            Register(builder.Services, typeof(ExecutionModule).Assembly);
            Register(builder.Services, typeof(Program).Assembly);
            using var host = builder.Build();
            await using (var scope = host.Services.CreateAsyncScope())
            {
                foreach (var database in scope.ServiceProvider.GetServices<ModuleDatabase>())
                {
                    await ((DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType)).Database.MigrateAsync();
                }
            }

            await host.StartAsync();
            var endpoints = host.Services.GetRequiredService<BoundEndpoints>();
            await using var dealer = new ZmqSocket(ZmqSocketType.Dealer, new ZmqSocketOptions { RoutingId = Encoding.UTF8.GetBytes(EaId), ReceiveHighWaterMark = 100_000 });
            dealer.Connect($"tcp://127.0.0.1:{await endpoints.PortAsync("commands")}");
            await using var push = new ZmqSocket(ZmqSocketType.Push, new ZmqSocketOptions { SendHighWaterMark = 100_000 });
            push.Connect($"tcp://127.0.0.1:{await endpoints.PortAsync("reports")}");
            await dealer.SendAsync(JsonSerializer.SerializeToUtf8Bytes(new { type = "hello", v = 1, ea_id = EaId, ea_token = Token, account_login = "1", currency = "USD", balance = 10_000m, equity = 10_000m }));
            while (true)
            {
                using var ack = await dealer.ReceiveAsync();
                var text = ack.GetString(ack.FrameCount - 1);
                if (text.Contains("hello_ack", StringComparison.Ordinal))
                {
                    if (!text.Contains("\"ok\":true", StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException("hello refused: " + text);
                    }

                    break;
                }
            }

            var clock = host.Services.GetRequiredService<TimeProvider>();
            await Publish(host, new EaSymbolsReported(EaId, [new SymbolSpec("EURUSD", "EURUSD", 5, 0.00001m, 0.00001m, 1m, 100_000m, 0.01m, 0.01m, 100m, 0, "USD", 1)], clock.GetUtcNow()));

            // Warm-up (JIT, EF model, connection pool), not measured.
            var warm = await FireAsync(host, dealer, clock, 50);
            Console.Error.WriteLine("warm-up done");
            var latencies = new double[fires];
            var fireCpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            var fireAllocatedStart = GC.GetTotalAllocatedBytes(precise: true);
            var ids = new List<string>(fires);
            var paceStart = Stopwatch.GetTimestamp();
            for (var i = 0; i < fires; i++)
            {
                // 200 fires per second: fire i starts 5 ms after fire i-1 was due (at once when behind).
                var due = TimeSpan.FromMilliseconds(i * 1000.0 / FiresPerSecond) - Stopwatch.GetElapsedTime(paceStart);
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due);
                }

                var started = Stopwatch.GetTimestamp();
                var id = await FireOneAsync(host, dealer, clock);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                ids.Add(id);
            }

            var fireCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - fireCpuStart).TotalMilliseconds;
            var fireAllocated = GC.GetTotalAllocatedBytes(precise: true) - fireAllocatedStart;
            Console.Error.WriteLine("latency done");

            // Confirmations. Warm-up (not measured): one per fire sent so far, which also JITs the whole confirmation path.
            var all = warm.Concat(ids).ToList();
            var position = 1L;
            await ConfirmAsync(push, all.Select(id => Confirmation(id, position++)).ToList());
            // ...then 40 bursts of 250, so every method on the path is called often enough to reach its final JIT tier
            // (tiered compilation otherwise recompiles EF Core's and our code in the middle of the measured run).
            foreach (var chunk in (await SeedSentFiresAsync(host, clock, 10_000)).Chunk(250))
            {
                await ConfirmAsync(push, chunk.Select(id => Confirmation(id, position++)).ToList());
            }

            Console.Error.WriteLine("confirmation warm-up done");

            // Measured: `confirmations` SENT fires seeded straight into the module's database (creating them through
            // FireMission would measure fire creation, not confirmation), then their confirmations pushed as fast as the socket takes them.
            var seeded = await SeedSentFiresAsync(host, clock, confirmations);
            var payloads = seeded.Select(id => Confirmation(id, position++)).ToList();
            if (int.TryParse(Environment.GetEnvironmentVariable("BITTEN_BENCH_PAUSE_MS"), out var pauseMs))
            {
                Console.Error.WriteLine($"measuring confirmations in {pauseMs} ms (pid {Environment.ProcessId})"); // time to attach a profiler to this phase only
                await Task.Delay(pauseMs);
            }

            var confirmCpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            var confirmAllocatedStart = GC.GetTotalAllocatedBytes(precise: true);
            var confirmStart = Stopwatch.GetTimestamp();
            await ConfirmAsync(push, payloads);
            var confirmSeconds = Stopwatch.GetElapsedTime(confirmStart).TotalSeconds;
            var confirmCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - confirmCpuStart).TotalMilliseconds;
            var confirmAllocated = GC.GetTotalAllocatedBytes(precise: true) - confirmAllocatedStart;
            Array.Sort(latencies);
            var result = new
            {
                measured_at = DateTimeOffset.UtcNow,
                machine = new { Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription, runtime = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription, load_average = LoadAverage() },
                note = "Fires paced at 200/s (one in flight). One process: FireMission via MediatR (all checks, SQLite insert of fire+event+outbox) → router owner loop → ROUTER → loopback TCP → our managed DEALER. Confirmations over PUSH→PULL (the bench's PUSH shares the process and its cores), each authenticated and bound to its EA; bursts are group-committed (one SQLite transaction per batch of up to 512: state changes + timeline rows), then FireFilled per fire; measured on fires seeded as SENT after a warm-up of the confirmation path. cpu_ms figures are the whole process's processor time (sender included), steadier than wall time on a loaded machine.",
                fire_to_ea_ms = new { count = fires, p50 = Percentile(latencies, 0.50), p90 = Percentile(latencies, 0.90), p99 = Percentile(latencies, 0.99), max = latencies[^1], cpu_ms_per_fire = Math.Round(fireCpuMs / fires, 3), allocated_bytes_per_fire = fireAllocated / fires },
                confirmations = new { count = payloads.Count, seconds = Math.Round(confirmSeconds, 3), per_second = Math.Round(payloads.Count / confirmSeconds, 1), cpu_ms_per_1000 = Math.Round(confirmCpuMs / payloads.Count * 1000, 1), allocated_bytes_per_confirmation = confirmAllocated / payloads.Count },
            };
            var json = JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true });
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            await File.WriteAllTextAsync(output, json + Environment.NewLine);
            Console.WriteLine(json);
            await host.StopAsync();
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<List<string>> FireAsync(IHost host, ZmqSocket dealer, TimeProvider clock, int count)
    {
        var ids = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            ids.Add(await FireOneAsync(host, dealer, clock));
        }

        return ids;
    }

    private static async Task<string> FireOneAsync(IHost host, ZmqSocket dealer, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var mission = new FireMission(MissionId.New(now), new UserId(1), SignalId.New(now), "EURUSD", Side.Buy, 0.1m, 1.1m, 1.098m, 1.104m, 20m, 80, now.AddMinutes(15), FireSource.Http);
        await using var scope = host.Services.CreateAsyncScope();
        var decision = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(mission);
        if (!decision.Accepted)
        {
            throw new InvalidOperationException("fire refused: " + decision.Reason);
        }

        while (true)
        {
            using var message = await dealer.ReceiveAsync();
            var text = message.GetString(message.FrameCount - 1);
            if (text.Contains("\"type\":\"fire\"", StringComparison.Ordinal))
            {
                return decision.FireId!.Value.Value;
            }
        }
    }

    private static byte[] Confirmation(string fireId, long position) =>
        JsonSerializer.SerializeToUtf8Bytes(new { type = "confirmation", ea_id = EaId, ea_token = Token, fire_id = fireId, status = "filled", retcode = 10009, position, price = 1.1m, volume = 0.1m });

    /// <summary>Pushes the confirmations and waits until every one was announced as FireFilled.</summary>
    private static async Task ConfirmAsync(ZmqSocket push, List<byte[]> payloads)
    {
        BenchHandlers.Filled = 0;
        foreach (var payload in payloads)
        {
            await push.SendAsync(payload);
        }

        while (Volatile.Read(ref BenchHandlers.Filled) < payloads.Count)
        {
            await Task.Delay(1);
        }
    }

    private static async Task<List<string>> SeedSentFiresAsync(IHost host, TimeProvider clock, int count)
    {
        var ids = new List<string>(count);
        var now = clock.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExecutionDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        await using var insert = db.Database.GetDbConnection().CreateCommand();
        insert.Transaction = tx.GetDbTransaction();
        insert.CommandText = """
            INSERT INTO fires (fire_id, mission_id, user_id, signal_id, ea_id, symbol, broker_symbol, side, volume, entry, sl, tp, risk_money, point, source, status, created_at_ms, expires_at_ms, sent_at_ms)
            VALUES ($fire, $mission, 2, $signal, $ea, 'EURUSD', 'EURUSD', 1, '0.1', '1.1', '1.098', '1.104', '20', '0.00001', 1, 2, $now, $expires, $now)
            """;
        var fire = Parameter(insert, "$fire");
        var mission = Parameter(insert, "$mission");
        var signal = Parameter(insert, "$signal");
        Parameter(insert, "$ea").Value = EaId;
        Parameter(insert, "$now").Value = nowMs;
        Parameter(insert, "$expires").Value = nowMs + 900_000;
        for (var i = 0; i < count; i++)
        {
            var fireId = FireId.New(now).Value;
            ids.Add(fireId);
            fire.Value = fireId;
            mission.Value = MissionId.New(now).Value;
            signal.Value = SignalId.New(now).Value;
            await insert.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
        return ids;
    }

    private static System.Data.Common.DbParameter Parameter(System.Data.Common.DbCommand command, string name)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        command.Parameters.Add(p);
        return p;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static async Task Publish(IHost host, INotification notification)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(notification);
    }

    private static double Percentile(double[] sorted, double p) => Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)], 3);

    private static void Register(IServiceCollection services, Assembly assembly)
    {
        Type[] interfaces = [typeof(IRequestHandler<,>), typeof(INotificationHandler<>)];
        foreach (var type in assembly.DefinedTypes.Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && interfaces.Contains(i.GetGenericTypeDefinition())))
            {
                services.AddTransient(contract, type);
            }
        }
    }
}
