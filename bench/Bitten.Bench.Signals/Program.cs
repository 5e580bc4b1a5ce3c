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

if (args.Contains("--in-process-only"))
{
    // For profiling (e.g. under `perf record` with DOTNET_PerfMapEnabled=1): the engine alone, nothing written.
    var only = InProcess(bars, runs: 7);
    Console.WriteLine(only.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    return 0;
}

var inProcess = InProcess(bars, runs: 7);
Console.WriteLine($"in-process: {inProcess["m1_bars_per_s_median"]} M1 bars/s, {inProcess["ticks_per_s_median"]} ticks/s (median of 7 after 3 warm-up runs)");
var overZmq = await OverZmqAsync(root, bars);
Console.WriteLine($"over ZeroMQ: {overZmq["ticks_per_s"]} ticks/s sustained; tick→signal p50 {overZmq["tick_to_signal_p50_ms"]} ms p99 {overZmq["tick_to_signal_p99_ms"]} ms");

var result = new JsonObject
{
    ["benchmark"] = "signals",
    ["recorded_utc"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
    ["command"] = "dotnet run -c Release --project bench/Bitten.Bench.Signals",
    ["machine"] = new JsonObject
    {
        ["logical_cores"] = Environment.ProcessorCount,
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

static async Task<JsonObject> OverZmqAsync(string root, List<HistoricalBar> bars)
{
    var work = Directory.CreateTempSubdirectory("bitten-bench-signals-");
    var sender = Path.Combine(work.FullName, "feedpush");
    Run("gcc", $"-O2 -o {sender} {Path.Combine(AppContext.BaseDirectory, "native", "feedpush.c")} -lzmq");
    // Four symbols of real EURUSD shape (scaled), interleaved in time: about two million ticks.
    var symbols = new (string Name, double Scale)[] { ("EURUSD", 1.0), ("GBPUSD", 1.18), ("AUDUSD", 0.62), ("NZDUSD", 0.58) };
    var file = Path.Combine(work.FullName, "ticks.jsonl");
    long count = 0;
    await using (var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 20))
    {
        var path = new (long, double, double)[4];
        foreach (var bar in bars)
        {
            BarTickPath.Write(bar, 60_000, 0.00008, path);
            foreach (var (ts, bid, ask) in path)
            {
                foreach (var (name, scale) in symbols)
                {
                    writer.Write(string.Create(CultureInfo.InvariantCulture,
                        $$"""{"type":"tick","ea_id":"bench-feed","ea_token":"bench-token","symbol":"{{name}}","bid":{{Math.Round(bid * scale, 5)}},"ask":{{Math.Round(ask * scale, 5) + 0.00001}},"ts_ms":{{ts}}}"""));
                    writer.Write('\n');
                    count++;
                }
            }
        }
    }

    int Free() { using var l = new TcpListener(IPAddress.Loopback, 0); l.Start(); return ((IPEndPoint)l.LocalEndpoint).Port; }
    var (http, feed) = (Free(), Free());
    var host = Process.Start(new ProcessStartInfo("dotnet")
    {
        ArgumentList =
        {
            Path.Combine(AppContext.BaseDirectory, "Bitten.Host.dll"), $"--Urls=http://127.0.0.1:{http}",
            $"--Storage:DataDirectory={Path.Combine(work.FullName, "data")}", $"--Logging:Directory={Path.Combine(work.FullName, "logs")}",
            "--Logging:MinimumLevel=Warning", $"--Zmq:FeedPort={feed}", $"--Zmq:SignalPort={Free()}", $"--Zmq:MarketPort={Free()}",
            $"--Zmq:CommandPort={Free()}", $"--Zmq:ReportPort={Free()}", "--Modules:Signals:FeedSources:0=bench-feed",
            "--Modules:Signals:FeedCredentials:bench-feed=bench-token", "--Modules:Signals:TickQueueCapacity=1000000",
        },
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    })!;
    _ = host.StandardOutput.ReadToEndAsync();
    _ = host.StandardError.ReadToEndAsync();
    using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http}") };
    await Until(async () => { try { return (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).IsSuccessStatusCode; } catch (HttpRequestException) { return false; } }, TimeSpan.FromSeconds(60));

    var push = Process.Start(new ProcessStartInfo(sender, $"tcp://127.0.0.1:{feed} {file}") { RedirectStandardOutput = true })!;
    (await push.StandardOutput.ReadLineAsync())!.ShouldStart("LOADED");
    var sw = Stopwatch.StartNew();
    double accepted = 0, rejected = 0;
    await Until(async () =>
    {
        var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        accepted = Metric(text, "bitten_ticks_in_total");
        rejected = Sum(text, "bitten_ticks_rejected_total{");
        return accepted + rejected >= count;
    }, TimeSpan.FromMinutes(10));
    sw.Stop();
    await push.WaitForExitAsync();
    var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
    host.Kill(entireProcessTree: true);
    await host.WaitForExitAsync();
    var (p50, p99, samples) = Quantiles(metrics, "bitten_tick_to_signal_ms");
    return new JsonObject
    {
        ["sender"] = "libzmq 4.x PUSH (native/feedpush.c, compiled at bench time), one connection, pre-loaded JSON lines",
        ["receiver"] = "Bitten.Host process: PULL 5556 → Utf8JsonReader → auth cache → bounded channel → engine (4 symbols)",
        ["ticks"] = count,
        ["accepted"] = accepted,
        ["rejected"] = rejected,
        ["rejected_by_reason"] = Rejections(metrics),
        ["elapsed_s"] = Math.Round(sw.Elapsed.TotalSeconds, 2),
        ["ticks_per_s"] = Math.Round(count / sw.Elapsed.TotalSeconds),
        ["signals_measured"] = samples,
        ["tick_to_signal_p50_ms"] = p50,
        ["tick_to_signal_p99_ms"] = p99,
        ["tick_to_signal_note"] = "from the feed message's receipt to the signal sent on PUB 5557, after it is stored (a signal is never published unless stored); estimated from the histogram's buckets as Prometheus histogram_quantile does",
    };
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

static (double P50, double P99, double Count) Quantiles(string text, string name)
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

    return (Q(0.5), Q(0.99), total);
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

        await Task.Delay(5);
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
