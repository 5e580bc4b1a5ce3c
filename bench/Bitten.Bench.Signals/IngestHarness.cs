using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Bitten.Contracts.Hosting;
using Bitten.Modules.Signals;
using Bitten.Modules.Signals.Detectors;
using Bitten.Modules.Signals.Engine;
using Bitten.Modules.Signals.Ingest;
using Bitten.Modules.Signals.Replay;
using Bitten.Modules.Signals.Structure;
using Bitten.Zmq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

/// <summary>
/// The feed path alone, in this process, for instruction counts (`--ingest-harness`): a libzmq PUSH (another process)
/// sends v1 ticks of four symbols to a PULL 5556 read by the real <see cref="FeedIngestService"/> (parse, credentials,
/// checks, tick ring), and an engine thread applies them to a <see cref="SignalEngine"/> whose output only counts (no
/// signals.db, no relay). `--legacy` replaces the feed service by the path it replaced (receive queue, pooled
/// messages, a loop woken per burst, the authenticator per message, a bounded Channel), for a before/after in the same
/// build. Under callgrind (`HARNESS_CALLGRIND=1`) collection is switched on after the warm-up ticks are applied and
/// dumped after the measured ones, so Ir / measured ticks = instructions per tick over every thread of the process.
/// </summary>
internal static class IngestHarness
{
    private static readonly string[] Symbols = ["EURUSD", "GBPUSD", "AUDUSD", "NZDUSD"];

    public static async Task<int> RunAsync(List<HistoricalBar> bars, string[] args)
    {
        var legacy = args.Contains("--legacy");
        var warm = Option(args, "--warm-ticks", 50_000);
        var measured = Option(args, "--ticks", 50_000);
        var callgrind = Environment.GetEnvironmentVariable("HARNESS_CALLGRIND") == "1";
        var work = Directory.CreateTempSubdirectory("bitten-ingest-harness-");
        try
        {
            var sender = Path.Combine(work.FullName, "feedpush");
            Run("gcc", $"-O2 -o {sender} {Path.Combine(AppContext.BaseDirectory, "native", "feedpush.c")} -lzmq");
            var warmFile = Path.Combine(work.FullName, "warm.jsonl");
            var file = Path.Combine(work.FullName, "ticks.jsonl");
            WriteTicks(bars, warmFile, file, warm, measured);

            var options = new SignalsOptions
            {
                ActiveSymbols = Symbols,
                ReserveSymbols = [],
                FeedSources = ["bench-feed"],
                TickQueueCapacity = 1_000_000,
            };
            options.FeedCredentials["bench-feed"] = "bench-token";
            var runtime = new SignalsRuntime(Options.Create(options));
            var engine = new SignalEngine(runtime.Symbols, new EngineSettings(new DetectorSettings(), new MarketStructureOptions()), new CountingOutput(),
                new NoWinProbabilityModel(), runtime.Threshold, runtime.PatternRecord, ms => ms.ToString(CultureInfo.InvariantCulture));
            runtime.Engine = engine;
            using var services = new ServiceCollection().BuildServiceProvider();
            var scopes = services.GetRequiredService<IServiceScopeFactory>();
            var authenticator = new FeedAuthenticator(scopes, options, TimeProvider.System);
            using var stop = new CancellationTokenSource();
            int port;
            Task feed, engineLoop;
            FeedIngestService? service = null;
            if (legacy)
            {
                var ticks = Channel.CreateBounded<TickEvent>(new BoundedChannelOptions(options.TickQueueCapacity) { SingleReader = true, SingleWriter = false, FullMode = BoundedChannelFullMode.Wait });
                var socket = new ZmqSocket(ZmqSocketType.Pull, new ZmqSocketOptions { Name = "feed", ReceiveHighWaterMark = 100_000 });
                port = socket.Bind("tcp://127.0.0.1:0");
                feed = LegacyFeedAsync(socket, runtime, authenticator, ticks.Writer, stop.Token);
                engineLoop = Task.Factory.StartNew(() => LegacyEngineAsync(engine, ticks.Reader, stop.Token), stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
            }
            else
            {
                var endpoints = new BoundEndpoints();
                service = new FeedIngestService(runtime, authenticator, Options.Create(new ZmqOptions { FeedPort = 0 }), endpoints, scopes, TimeProvider.System,
                    NullLogger<FeedIngestService>.Instance);
                await service.StartAsync(stop.Token);
                port = await endpoints.PortAsync("feed").WaitAsync(TimeSpan.FromMinutes(30)); // under valgrind start-up is slow
                feed = Task.CompletedTask;
                engineLoop = Task.Factory.StartNew(() => Engine(engine, runtime.TickQueue, stop.Token), stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }

            long Counted() => engine.Counters.TicksAccepted + Enum.GetValues<IngestRejectReason>().Sum(r => engine.Counters.RejectedCount(r) + Interlocked.Read(ref runtime.IngestRejected[(int)r]));

            await SendAsync(sender, port, warmFile);
            await UntilAsync(() => Counted() >= warm);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            if (callgrind)
            {
                Run("callgrind_control", $"--instr=on {Environment.ProcessId}");
            }

            var sw = Stopwatch.StartNew();
            await SendAsync(sender, port, file);
            await UntilAsync(() => Counted() >= warm + measured);
            sw.Stop();
            if (callgrind)
            {
                Run("callgrind_control", $"--dump=measured {Environment.ProcessId}");
                Run("callgrind_control", $"--instr=off {Environment.ProcessId}");
            }

            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ingest harness ({(legacy ? "legacy" : "current")}): {measured} ticks in {sw.Elapsed.TotalSeconds:F2} s, process CPU {cpu.TotalMicroseconds / measured:F2} µs/tick, allocated {(double)allocated / measured:F2} B/tick, accepted {engine.Counters.TicksAccepted}, rejected at ingest {runtime.IngestRejected.Sum()}"));
            await stop.CancelAsync();
            if (service is not null)
            {
                await service.StopAsync(CancellationToken.None);
                service.Dispose();
            }

            await Task.WhenAll(feed, engineLoop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void Engine(SignalEngine engine, TickQueue queue, CancellationToken token)
    {
        try
        {
            while (true)
            {
                while (queue.TryRead(out var tick))
                {
                    engine.OnTick(tick);
                }

                if (!queue.Wait(token))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    // The path FeedIngestService and EngineService had before the feed receiver and the tick ring (for --legacy).
    private static async Task LegacyFeedAsync(ZmqSocket socket, SignalsRuntime runtime, FeedAuthenticator authenticator, ChannelWriter<TickEvent> ticks, CancellationToken token)
    {
        var reader = new EaMessageReader(runtime.Symbols, runtime.BrokerOffsets);
        ZmqMessageHandler<object?> handler = (message, _) =>
        {
            Interlocked.Increment(ref runtime.MessagesReceived);
            var reason = reader.Read(message[0], Stopwatch.GetTimestamp());
            if (reason != IngestRejectReason.None)
            {
                runtime.CountRejected(reason);
            }
            else if (!reader.HasCredentials || !authenticator.Check(reader.EaId, reader.EaToken) || !authenticator.IsFeedSource(reader.EaId))
            {
                runtime.CountRejected(IngestRejectReason.Unauthenticated);
            }
            else if (!ticks.TryWrite(reader.Tick))
            {
                runtime.CountRejected(IngestRejectReason.QueueFull);
            }
        };
        await using (socket)
        {
            try
            {
                while (await socket.WaitToReceiveAsync(token))
                {
                    while (socket.TryReceive(handler, null))
                    {
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private static async Task LegacyEngineAsync(SignalEngine engine, ChannelReader<TickEvent> ticks, CancellationToken token)
    {
        try
        {
            while (true)
            {
                while (ticks.TryRead(out var tick))
                {
                    engine.OnTick(tick);
                }

                if (!await ticks.WaitToReadAsync(token))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static void WriteTicks(List<HistoricalBar> bars, string warmFile, string file, int warm, int measured)
    {
        using var warmWriter = new StreamWriter(warmFile, false, new UTF8Encoding(false), 1 << 20);
        using var mainWriter = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 20);
        var path = new (long, double, double)[4];
        var written = 0;
        var scales = new[] { 1.0, 1.18, 0.62, 0.58 };
        foreach (var bar in bars)
        {
            BarTickPath.Write(bar, 60_000, 0.00008, path);
            foreach (var (ts, bid, ask) in path)
            {
                for (var s = 0; s < Symbols.Length; s++)
                {
                    if (written == warm + measured)
                    {
                        return;
                    }

                    var writer = written < warm ? warmWriter : mainWriter;
                    writer.Write(string.Create(CultureInfo.InvariantCulture,
                        $$"""{"type":"tick","ea_id":"bench-feed","ea_token":"bench-token","symbol":"{{Symbols[s]}}","bid":{{Math.Round(bid * scales[s], 5)}},"ask":{{Math.Round(ask * scales[s], 5) + 0.00001}},"ts_ms":{{ts}}}"""));
                    writer.Write('\n');
                    written++;
                }
            }
        }
    }

    private static async Task SendAsync(string sender, int port, string file)
    {
        using var push = Process.Start(new ProcessStartInfo(sender, $"tcp://127.0.0.1:{port} {file}") { RedirectStandardOutput = true })!;
        var loaded = await push.StandardOutput.ReadLineAsync();
        if (loaded is null || !loaded.StartsWith("LOADED", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("feedpush did not start: " + loaded);
        }

        // not awaited to the end: it lingers until the host has read everything, which the caller waits for
        _ = push.WaitForExitAsync();
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var sw = Stopwatch.StartNew();
        while (!condition())
        {
            if (sw.Elapsed > TimeSpan.FromHours(2)) // callgrind on a busy machine is slow
            {
                throw new TimeoutException("the harness's ticks were not all counted in 2 hours");
            }

            await Task.Delay(20);
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static void Run(string file, string arguments)
    {
        using var p = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        _ = p.StandardOutput.ReadToEnd();
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed: {err}");
        }
    }
}
