using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Hosting;
using Bitten.Contracts.Signals;
using Bitten.Modules.Execution;
using Bitten.Zmq;
using MediatR;
using Microsoft.EntityFrameworkCore;
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

            Console.Error.WriteLine("latency done");
            // Confirmations: one per fire (including the warm-up ones), pushed as fast as the socket takes them.
            var all = warm.Concat(ids).ToList();
            BenchHandlers.Filled = 0;
            var confirmStart = Stopwatch.GetTimestamp();
            var position = 1L;
            foreach (var id in all)
            {
                await push.SendAsync(JsonSerializer.SerializeToUtf8Bytes(new { type = "confirmation", ea_id = EaId, ea_token = Token, fire_id = id, status = "filled", retcode = 10009, position = position++, price = 1.1m, volume = 0.1m }));
            }

            while (Volatile.Read(ref BenchHandlers.Filled) < all.Count)
            {
                await Task.Delay(1);
            }

            var confirmSeconds = Stopwatch.GetElapsedTime(confirmStart).TotalSeconds;
            Array.Sort(latencies);
            var result = new
            {
                measured_at = DateTimeOffset.UtcNow,
                machine = new { Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription, runtime = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription },
                note = "Fires paced at 200/s (one in flight). One process: FireMission via MediatR (all checks, SQLite insert of fire+event+outbox) → router owner loop → ROUTER → loopback TCP → our managed DEALER. Confirmations over PUSH→PULL, each authenticated and bound to its EA; bursts are group-committed (one SQLite transaction per batch of up to 512: state changes + timeline rows), then FireFilled per fire. Shared 2-core machine under other engineers' load.",
                fire_to_ea_ms = new { count = fires, p50 = Percentile(latencies, 0.50), p90 = Percentile(latencies, 0.90), p99 = Percentile(latencies, 0.99), max = latencies[^1] },
                confirmations = new { count = all.Count, seconds = Math.Round(confirmSeconds, 3), per_second = Math.Round(all.Count / confirmSeconds, 1) },
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
