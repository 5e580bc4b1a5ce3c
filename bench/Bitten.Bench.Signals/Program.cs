using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Candles;
using Bitten.Modules.Signals.Detectors;
using Bitten.Modules.Signals.Engine;
using Bitten.Modules.Signals.Ingest;
using Bitten.Modules.Signals.Market;
using Bitten.Modules.Signals.Outcomes;
using Bitten.Modules.Signals.Replay;
using Bitten.Modules.Signals.Structure;

// Signals benchmark (issue #4): writes bench/results/signals.json.
//   dotnet run -c Release --project bench/Bitten.Bench.Signals
// Needs ../shared/data/fx/histdata_eurusd_m1_2017 (real EURUSD M1), gcc and libzmq3-dev (the libzmq sender).
var root = FindUp(AppContext.BaseDirectory, "Bitten.sln");
var history = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "fx", "histdata_eurusd_m1_2017"));
var bars = Directory.GetFiles(history, "DAT_ASCII_EURUSD_M1_2017*.csv").Order(StringComparer.Ordinal).SelectMany(f => HistDataReader.Read(f)).ToList();
Console.WriteLine($"{bars.Count:N0} real EURUSD M1 bars loaded");

if (args.Contains("--ingest-harness"))
{
    // The feed path alone in this process, for instruction counts under callgrind (see IngestHarness); nothing written.
    return await IngestHarness.RunAsync(bars, args);
}

if (args.Contains("--in-process-only"))
{
    // For profiling (e.g. under `perf record` with DOTNET_PerfMapEnabled=1): the engine alone, nothing written.
    var only = InProcess(bars, runs: 7);
    Console.WriteLine(only.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    return 0;
}

var inProcess = args.Contains("--zmq-only") ? new JsonObject() : InProcess(bars, runs: 7);
Console.WriteLine($"in-process: {inProcess["m1_bars_per_s_median"]} M1 bars/s, {inProcess["ticks_per_s_median"]} ticks/s (median of 7 after 3 warm-up runs)");
var pacedRate = Option("--paced-rate", 10_000);
var pacedTicks = (long)Option("--paced-ticks", 300_000);
var warmTicks = (long)Option("--warm-ticks", 400_000);
var overZmq = await OverZmqAsync(root, bars, pacedRate, pacedTicks, warmTicks, args.Contains("--throughput-only"));
var t = overZmq["throughput"]!;
Console.WriteLine($"over ZeroMQ: {t["ticks_per_s"]} ticks/s sustained ({t["ticks_per_host_cpu_s"]} per host CPU-second, {t["host_cpu_us_per_tick"]} µs of host CPU per tick)");
if (overZmq["paced_latency"] is { } l)
{
    Console.WriteLine($"paced at {pacedRate}/s: tick→signal p50 {l["tick_to_signal_p50_ms"]} ms p99 {l["tick_to_signal_p99_ms"]} ms over {l["signals_measured"]} signals");
}
else
{
    Console.WriteLine("--throughput-only: nothing written");
    return 0;
}

double Option(string name, double fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

var result = new JsonObject
{
    ["benchmark"] = "signals",
    ["recorded_utc"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
    ["command"] = "dotnet run -c Release --project bench/Bitten.Bench.Signals",
    ["machine"] = new JsonObject
    {
        ["logical_cores"] = Environment.ProcessorCount,
        ["load_average_at_end"] = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a",
        ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        ["dotnet"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
    },
    ["data"] = $"HistData EURUSD M1 2017-01..04, {bars.Count} bars, each replayed as 4 ticks (open, nearer extreme, other extreme, close)",
    ["in_process"] = inProcess,
    ["over_zeromq"] = overZmq,
    ["goals"] = new JsonObject
    {
        ["ticks_per_s_over_zeromq"] = ">= 500000",
        ["m1_bars_per_s_in_process"] = ">= 1000000",
        ["tick_to_signal_p99_ms"] = "< 1",
    },
};
var output = Path.Combine(root, "bench", "results", "signals.json");
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"written {output}");
return 0;

static JsonObject InProcess(List<HistoricalBar> bars, int runs)
{
    const int WarmUpRuns = 3;
    var coldRates = new List<double>();
    var barRates = new List<double>();
    var tickRates = new List<double>();
    long allocated = 0, ticks = 0;
    Span<(long, double, double)> path = stackalloc (long, double, double)[4];
    for (var run = 0; run < WarmUpRuns + runs; run++)
    {
        var catalog = new SymbolCatalog(["EURUSD"], []);
        var engine = new SignalEngine(catalog, new EngineSettings(new DetectorSettings(), new MarketStructureOptions()), new CountingOutput(),
            new NoWinProbabilityModel(), new ThresholdState(72), new PatternRecord(), ms => ms.ToString(CultureInfo.InvariantCulture));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        ticks = 0;
        foreach (var bar in bars)
        {
            BarTickPath.Write(bar, 60_000, 0.00008, path);
            foreach (var (ts, bid, ask) in path)
            {
                engine.OnTick(new TickEvent(0, bid, ask, ts, 0));
                ticks++;
            }
        }

        sw.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (run < WarmUpRuns)
        {
            coldRates.Add(bars.Count / sw.Elapsed.TotalSeconds);
            continue; // tiered JIT: the first passes run unoptimised code (as BenchmarkDotNet, warm-up is not measured)
        }

        barRates.Add(bars.Count / sw.Elapsed.TotalSeconds);
        tickRates.Add(ticks / sw.Elapsed.TotalSeconds);
    }

    return new JsonObject
    {
        ["pipeline"] = "TickEvent → validator → candles (M1/M5/M15/H1) → M5 indicators → structure (M5, M15) → 6 detectors → scoring/gates → virtual outcomes",
        ["m1_bars_per_s_median"] = Math.Round(Median(barRates)),
        ["m1_bars_per_s_best"] = Math.Round(barRates.Max()),
        ["ticks_per_s_median"] = Math.Round(Median(tickRates)),
        ["allocated_bytes_per_tick_last_run"] = Math.Round((double)allocated / ticks, 2),
        ["runs"] = new JsonArray([.. barRates.Select(r => (JsonNode)Math.Round(r))]),
        ["warm_up_runs_not_measured"] = new JsonArray([.. coldRates.Select(r => (JsonNode)Math.Round(r))]),
    };
}

static async Task<JsonObject> OverZmqAsync(string root, List<HistoricalBar> bars, double pacedRate, long pacedTicks, long warmTicks, bool throughputOnly)
{
    var work = Directory.CreateTempSubdirectory("bitten-bench-signals-");
    var sender = Path.Combine(work.FullName, "feedpush");
    Run("gcc", $"-O2 -o {sender} {Path.Combine(AppContext.BaseDirectory, "native", "feedpush.c")} -lzmq");
    // Four symbols of real EURUSD shape (scaled), interleaved in time: about two million ticks.
    var symbols = new (string Name, double Scale)[] { ("EURUSD", 1.0), ("GBPUSD", 1.18), ("AUDUSD", 0.62), ("NZDUSD", 0.58) };
    // The first warmTicks go to a warm-up file sent (unmeasured) before the measured one: the host's hot path reaches
    // its optimised JIT tier, as a long-running host's has, and the measured ticks continue the same series in time.
    var warmFile = Path.Combine(work.FullName, "warm.jsonl");
    var file = Path.Combine(work.FullName, "ticks.jsonl");
    long count = 0, warmed = 0;
    await using (var warmWriter = new StreamWriter(warmFile, false, new UTF8Encoding(false), 1 << 20))
    await using (var mainWriter = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 20))
    {
        var path = new (long, double, double)[4];
        foreach (var bar in bars)
        {
            BarTickPath.Write(bar, 60_000, 0.00008, path);
            foreach (var (ts, bid, ask) in path)
            {
                foreach (var (name, scale) in symbols)
                {
                    var writer = warmed < warmTicks ? warmWriter : mainWriter;
                    writer.Write(string.Create(CultureInfo.InvariantCulture,
                        $$"""{"type":"tick","ea_id":"bench-feed","ea_token":"bench-token","symbol":"{{name}}","bid":{{Math.Round(bid * scale, 5)}},"ask":{{Math.Round(ask * scale, 5) + 0.00001}},"ts_ms":{{ts}}}"""));
                    writer.Write('\n');
                    if (warmed < warmTicks)
                    {
                        warmed++;
                    }
                    else
                    {
                        count++;
                    }
                }
            }
        }
    }

    // Sends the warm-up file as fast as libzmq sends and waits until the host has counted it, then lets the JIT's
    // background compiler finish (1 s). Returns the host's counts so far, so the measured phase counts from there.
    async Task<(double Counted, JsonObject Report)> WarmUpAsync(BenchHost host)
    {
        if (warmed == 0)
        {
            return (0, new JsonObject { ["ticks"] = 0 });
        }

        using var push = Process.Start(new ProcessStartInfo(sender, $"tcp://127.0.0.1:{host.FeedPort} {warmFile}") { RedirectStandardOutput = true })!;
        (await push.StandardOutput.ReadLineAsync())!.ShouldStart("LOADED");
        var cpuBefore = host.CpuSeconds();
        var sw = Stopwatch.StartNew();
        double counted = 0;
        await Until(async () =>
        {
            var text = await host.MetricsAsync();
            counted = Metric(text, "bitten_ticks_in_total") + Sum(text, "bitten_ticks_rejected_total{");
            return counted >= warmed;
        }, TimeSpan.FromMinutes(10));
        sw.Stop();
        var cpu = host.CpuSeconds() - cpuBefore;
        await push.WaitForExitAsync();
        await Task.Delay(1000);
        return (counted, new JsonObject
        {
            ["ticks"] = warmed,
            ["elapsed_s"] = Math.Round(sw.Elapsed.TotalSeconds, 2),
            ["host_cpu_s"] = Math.Round(cpu, 2),
            ["note"] = "sent before the measured ticks and not measured: the host's hot path reaches its optimised JIT tier (tier-0 code and the JIT's own work otherwise dominate a few seconds' run)",
        });
    }

    // Phase 1, throughput: the whole file as fast as libzmq sends it; the host's own CPU time is read from /proc,
    // so that ticks per host CPU-second can be compared across machines and loads.
    JsonObject throughput;
    await using (var host = await BenchHost.StartAsync(work.FullName, "throughput", []))
    {
        var (warmCounted, warmReport) = await WarmUpAsync(host);
        using var push = Process.Start(new ProcessStartInfo(sender, $"tcp://127.0.0.1:{host.FeedPort} {file}") { RedirectStandardOutput = true })!;
        (await push.StandardOutput.ReadLineAsync())!.ShouldStart("LOADED");
        var cpuBefore = host.CpuSeconds();
        var sw = Stopwatch.StartNew();
        double accepted = 0, rejected = 0;
        await Until(async () =>
        {
            var text = await host.MetricsAsync();
            accepted = Metric(text, "bitten_ticks_in_total");
            rejected = Sum(text, "bitten_ticks_rejected_total{");
            return accepted + rejected >= warmCounted + count;
        }, TimeSpan.FromMinutes(10));
        sw.Stop();
        var cpu = host.CpuSeconds() - cpuBefore;
        await push.WaitForExitAsync();
        var metrics = await host.MetricsAsync();
        var (p50, p99, samples) = Quantiles(metrics, "bitten_tick_to_signal_ms");
        throughput = new JsonObject
        {
            ["warm_up"] = warmReport,
            ["ticks"] = count,
            ["accepted_including_warm_up"] = accepted,
            ["rejected_including_warm_up"] = rejected,
            ["rejected_by_reason"] = Rejections(metrics),
            ["elapsed_s"] = Math.Round(sw.Elapsed.TotalSeconds, 2),
            ["ticks_per_s"] = Math.Round(count / sw.Elapsed.TotalSeconds),
            ["host_cpu_s"] = Math.Round(cpu, 2),
            ["ticks_per_host_cpu_s"] = Math.Round(count / cpu),
            ["host_cpu_us_per_tick"] = Math.Round(cpu * 1e6 / count, 2),
            ["signals_under_saturation"] = samples,
            ["tick_to_signal_under_saturation_p50_ms"] = p50,
            ["tick_to_signal_under_saturation_p99_ms"] = p99,
            ["note"] = "ticks/s is wall time from the first message to the last one counted; host_cpu_s is the host process's user+system time over that span (all its threads). Latency here includes waiting in a saturated queue; see paced_latency",
        };
    }

    Console.WriteLine($"throughput phase: {throughput.ToJsonString()}");
    if (throughputOnly)
    {
        work.Delete(recursive: true);
        return new JsonObject { ["throughput"] = throughput };
    }

    // Phase 2, latency at a sustainable rate: a fresh host with the entry threshold opened (so that more bar closes
    // become signals: the same store-then-publish path, more samples), fed at a fixed pace well below saturation.
    JsonObject paced;
    await using (var host = await BenchHost.StartAsync(work.FullName, "paced", ["--Modules:Signals:MinThreshold=0", "--Modules:Signals:InitialThreshold=0", "--Modules:Signals:MinExpectedValueR=-1"]))
    {
        var (warmCounted, _) = await WarmUpAsync(host);
        var before = await host.MetricsAsync(); // the warm-up's signals are not measured: their histogram is subtracted
        var ticks = Math.Min(pacedTicks, count);
        using var push = Process.Start(new ProcessStartInfo(sender, string.Create(CultureInfo.InvariantCulture, $"tcp://127.0.0.1:{host.FeedPort} {file} {pacedRate} {ticks}")) { RedirectStandardOutput = true })!;
        (await push.StandardOutput.ReadLineAsync())!.ShouldStart("LOADED");
        var sw = Stopwatch.StartNew();
        double accepted = 0, rejected = 0;
        await Until(async () =>
        {
            var text = await host.MetricsAsync();
            accepted = Metric(text, "bitten_ticks_in_total");
            rejected = Sum(text, "bitten_ticks_rejected_total{");
            return accepted + rejected >= warmCounted + ticks;
        }, TimeSpan.FromMinutes(10));
        sw.Stop();
        await push.WaitForExitAsync();
        await Task.Delay(500); // the last signals' store and send (the histogram is written after the send)
        var metrics = Subtract(await host.MetricsAsync(), before, "bitten_tick_to_signal_ms_bucket{");
        var (p50, p99, samples) = Quantiles(metrics, "bitten_tick_to_signal_ms");
        var (_, p90, _) = Quantiles(metrics, "bitten_tick_to_signal_ms", 0.9);
        paced = new JsonObject
        {
            ["rate_ticks_per_s"] = pacedRate,
            ["ticks"] = ticks,
            ["achieved_ticks_per_s"] = Math.Round(ticks / sw.Elapsed.TotalSeconds),
            ["rejected_by_reason"] = Rejections(metrics),
            ["host_settings"] = "Modules:Signals:MinThreshold=0, InitialThreshold=0, MinExpectedValueR=-1 (per-symbol cooldowns and limits unchanged)",
            ["signals_measured"] = samples,
            ["tick_to_signal_p50_ms"] = p50,
            ["tick_to_signal_p90_ms"] = p90,
            ["tick_to_signal_p99_ms"] = p99,
            ["tick_to_signal_max_bucket_ms"] = MaxBucket(metrics, "bitten_tick_to_signal_ms"),
        };
    }

    work.Delete(recursive: true); // the 260 MB tick file and both hosts' data
    return new JsonObject
    {
        ["sender"] = "libzmq 4.x PUSH (native/feedpush.c, compiled at bench time), one connection, pre-loaded JSON lines",
        ["receiver"] = "Bitten.Host process: PULL 5556 → Utf8JsonReader → auth cache → bounded channel → engine (4 symbols) → bars and signals to signals.db (one writer), relay PUB 5560",
        ["throughput"] = throughput,
        ["paced_latency"] = paced,
        ["tick_to_signal_note"] = "from the feed message's receipt to the signal sent on PUB 5557, after it is stored (a signal is never published unless stored); estimated from the histogram's buckets (0.1, 0.25, 0.5, 1, 2, 5 … ms) as Prometheus histogram_quantile does",
    };
}

// The lines starting with prefix in after, less the same series' values in before (histogram buckets since a point).
static string Subtract(string after, string before, string prefix)
{
    var earlier = before.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal))
        .ToDictionary(l => l[..l.LastIndexOf(' ')], l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture), StringComparer.Ordinal);
    return string.Join('\n', after.Split('\n').Select(l =>
    {
        if (!l.StartsWith(prefix, StringComparison.Ordinal))
        {
            return l;
        }

        var key = l[..l.LastIndexOf(' ')];
        var value = double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture) - earlier.GetValueOrDefault(key);
        return key + " " + value.ToString(CultureInfo.InvariantCulture);
    }));
}

static double MaxBucket(string text, string name)
{
    // The smallest bucket bound that holds every sample.
    var buckets = new SortedDictionary<double, double>();
    foreach (var line in text.Split('\n').Where(l => l.StartsWith(name + "_bucket{", StringComparison.Ordinal)))
    {
        var le = line[(line.IndexOf("le=\"", StringComparison.Ordinal) + 4)..];
        var bound = le[..le.IndexOf('"', StringComparison.Ordinal)];
        var key = bound == "+Inf" ? double.PositiveInfinity : double.Parse(bound, CultureInfo.InvariantCulture);
        buckets[key] = buckets.GetValueOrDefault(key) + double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }

    var total = buckets.Count == 0 ? 0 : buckets.Last().Value;
    return buckets.FirstOrDefault(b => b.Value >= total && total > 0).Key;
}

static double Metric(string text, string name)
{
    foreach (var line in text.Split('\n'))
    {
        if (line.StartsWith(name + " ", StringComparison.Ordinal))
        {
            return double.Parse(line[(name.Length + 1)..], CultureInfo.InvariantCulture);
        }
    }

    return 0;
}

static double Sum(string text, string prefix) =>
    text.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal))
        .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

static JsonObject Rejections(string text)
{
    var result = new JsonObject();
    foreach (var line in text.Split('\n').Where(l => l.StartsWith("bitten_ticks_rejected_total{", StringComparison.Ordinal)))
    {
        var value = double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
        if (value > 0)
        {
            var reason = line[(line.IndexOf('"', StringComparison.Ordinal) + 1)..];
            result[reason[..reason.IndexOf('"', StringComparison.Ordinal)]] = value;
        }
    }

    return result;
}

static (double P50, double P99, double Count) Quantiles(string text, string name, double high = 0.99)
{
    var buckets = new SortedDictionary<double, double>();
    foreach (var line in text.Split('\n').Where(l => l.StartsWith(name + "_bucket{", StringComparison.Ordinal)))
    {
        var le = line[(line.IndexOf("le=\"", StringComparison.Ordinal) + 4)..];
        var bound = le[..le.IndexOf('"', StringComparison.Ordinal)];
        var value = double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
        var key = bound == "+Inf" ? double.PositiveInfinity : double.Parse(bound, CultureInfo.InvariantCulture);
        buckets[key] = buckets.GetValueOrDefault(key) + value;
    }

    var total = buckets.Count == 0 ? 0 : buckets.Last().Value;
    double Q(double q)
    {
        if (total == 0)
        {
            return double.NaN;
        }

        var rank = q * total;
        double lower = 0, below = 0;
        foreach (var (bound, cumulative) in buckets)
        {
            if (cumulative >= rank)
            {
                return double.IsPositiveInfinity(bound) ? lower : Math.Round(lower + ((bound - lower) * (rank - below) / Math.Max(1, cumulative - below)), 3);
            }

            (lower, below) = (bound, cumulative);
        }

        return lower;
    }

    return (Q(0.5), Q(high), total);
}

static async Task Until(Func<Task<bool>> condition, TimeSpan timeout)
{
    var sw = Stopwatch.StartNew();
    while (!await condition())
    {
        if (sw.Elapsed > timeout)
        {
            throw new TimeoutException("benchmark condition not reached in " + timeout);
        }

        await Task.Delay(100); // polling /metrics costs the host CPU: not more often
    }
}

static void Run(string file, string arguments)
{
    using var p = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true })!;
    var err = p.StandardError.ReadToEnd();
    p.WaitForExit();
    if (p.ExitCode != 0)
    {
        throw new InvalidOperationException($"{file} {arguments} failed: {err} (install gcc and libzmq3-dev)");
    }
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}

static string FindUp(string start, string file)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, file)))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException(file + " not found");
}

/// <summary>Counts the engine's output without doing anything with it.</summary>
internal sealed class CountingOutput : IEngineOutput
{
    public long Bars { get; private set; }

    public long Signals { get; private set; }

    public void OnBarClosed(int symbolIndex, in Candle candle) => Bars++;

    public void OnSignal(EngineSignal signal) => Signals++;

    public void OnResolved(VirtualTrade trade, SignalOutcome outcome, long tsMs)
    {
    }
}

internal static class StringChecks
{
    public static void ShouldStart(this string text, string prefix)
    {
        if (!text.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"expected '{prefix}…', got '{text}'");
        }
    }
}

/// <summary>A Bitten.Host process on free loopback ports with the bench feed's credentials and its own data folder.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _client;

    private BenchHost(Process process, HttpClient client, int feedPort)
    {
        _process = process;
        _client = client;
        FeedPort = feedPort;
    }

    public int FeedPort { get; }

    public static async Task<BenchHost> StartAsync(string work, string name, string[] extra)
    {
        static int Free() { using var l = new TcpListener(IPAddress.Loopback, 0); l.Start(); return ((IPEndPoint)l.LocalEndpoint).Port; }
        var (http, feed) = (Free(), Free());
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "Bitten.Host.dll"), $"--Urls=http://127.0.0.1:{http}",
                $"--Storage:DataDirectory={Path.Combine(work, name, "data")}", $"--Logging:Directory={Path.Combine(work, name, "logs")}",
                "--Logging:MinimumLevel=Warning", $"--Zmq:FeedPort={feed}", $"--Zmq:SignalPort={Free()}", $"--Zmq:MarketPort={Free()}",
                $"--Zmq:CommandPort={Free()}", $"--Zmq:ReportPort={Free()}", "--Modules:Signals:FeedSources:0=bench-feed",
                "--Modules:Signals:FeedCredentials:bench-feed=bench-token", "--Modules:Signals:TickQueueCapacity=1000000",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in extra)
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http}") };
        var sw = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await client.GetAsync(new Uri("/healthz", UriKind.Relative))).IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (sw.Elapsed > TimeSpan.FromMinutes(5) || process.HasExited) // a loaded 2-core machine can take a minute to start the host
            {
                throw new TimeoutException("Bitten.Host did not become healthy" + (process.HasExited ? ": " + await output : string.Empty));
            }

            await Task.Delay(100);
        }

        return new BenchHost(process, client, feed);
    }

    public Task<string> MetricsAsync() => _client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

    /// <summary>User + system CPU time of the host process so far (from /proc; 0 where there is none).</summary>
    public double CpuSeconds()
    {
        var stat = $"/proc/{_process.Id}/stat";
        if (!File.Exists(stat))
        {
            return _process.TotalProcessorTime.TotalSeconds;
        }

        var fields = File.ReadAllText(stat);
        var parts = fields[(fields.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(parts[11], CultureInfo.InvariantCulture) + long.Parse(parts[12], CultureInfo.InvariantCulture)) / 100.0; // utime, stime (clock ticks)
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _client.Dispose();
    }
}
