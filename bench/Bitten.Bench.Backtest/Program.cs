using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Backtest;
using Bitten.Modules.Signals.Candles;
using Bitten.Modules.Signals.Engine;
using Bitten.Modules.Signals.Ingest;
using Bitten.Modules.Signals.Market;
using Bitten.Modules.Signals.Outcomes;
using Bitten.Modules.Signals.Replay;
using Bitten.Modules.Signals.Scoring;

// Backtest benchmark (issue #11): writes bench/results/backtest.json.
//   dotnet run -c Release --project bench/Bitten.Bench.Backtest
// Needs ../shared/data/fx/histdata_eurusd_m1_2017. Pinned to one core. Child modes (used by the parent):
//   --memory <folder>   one replay of the folder, then prints the process's peak resident memory (VmHWM)
// Quick modes: --bars-only N, --ticks-only N [tick-csv], --write-ticks <path>
var root = FindUp(AppContext.BaseDirectory, "Bitten.sln");
var history = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "fx", "histdata_eurusd_m1_2017"));
PinToOneCore();

if (args.Length == 2 && args[0] == "--memory")
{
    var r = Replay([args[1]]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{PeakResidentBytes()} {r.Bars} {r.Signals.Count} {GC.GetTotalMemory(false)}"));
    return 0;
}

if (args.Length >= 1 && args[0] == "--bars-only")
{
    // For profiling (e.g. `perf record` with DOTNET_PerfMapEnabled=1) and quick before/after checks: N replays of the M1 months.
    var n = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
    for (var i = 0; i < n; i++)
    {
        var sw = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var r = Replay([history]);
        sw.Stop();
        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"run {i}: {r.Bars / sw.Elapsed.TotalSeconds:N0} bars/s wall, {r.Bars / used:N0} bars/s of CPU time, {r.Signals.Count} signals"));
    }

    return 0;
}

if (args.Length >= 2 && args[0] == "--write-ticks")
{
    // The derived tick CSV alone (e.g. to compare `backtest --data <it>` before and after a change).
    Console.WriteLine($"{WriteTickCsv(history, args[1]):N0} ticks written to {args[1]}");
    return 0;
}

if (args.Length >= 1 && args[0] == "--ticks-only")
{
    // For profiling (callgrind, perf) and quick before/after checks: N replays of the derived tick CSV. An optional
    // second argument names the CSV (written first when missing, kept afterwards), so repeated runs skip writing it.
    var n = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
    var file = args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), $"bitten-bench-ticks-{Environment.ProcessId}.csv");
    var keep = args.Length > 2;
    if (!File.Exists(file))
    {
        WriteTickCsv(history, file);
    }

    try
    {
        for (var i = 0; i < n; i++)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var r = Replay([file]);
            sw.Stop();
            var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {i}: {r.Ticks / sw.Elapsed.TotalSeconds:N0} ticks/s wall, {r.Ticks / used:N0} ticks/s of CPU time, {bytes / (double)r.Ticks:0.00} B allocated per tick, {r.Signals.Count} signals"));
        }
    }
    finally
    {
        if (!keep)
        {
            File.Delete(file);
        }
    }

    return 0;
}

var runs = 5;
const int WarmUps = 3; // tiered JIT: the first passes run unoptimised or instrumented code (as BenchmarkDotNet, warm-up is not measured)
Console.WriteLine("M1 bars through the whole replay (HistData reader → bar tick path → engine → virtual outcomes), 4 months, one core");
var barRuns = new List<(double BarsPerS, double TicksPerS, long Bars, double AllocPerTick, double CpuBarsPerS)>();
for (var i = 0; i < runs + WarmUps; i++)
{
    var allocated = GC.GetAllocatedBytesForCurrentThread();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    var r = Replay([history]);
    sw.Stop();
    var cpuS = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
    if (i >= WarmUps)
    {
        barRuns.Add((r.Bars / sw.Elapsed.TotalSeconds, r.Ticks / sw.Elapsed.TotalSeconds, r.Bars, bytes / (double)r.Ticks, r.Bars / cpuS));
        Console.WriteLine($"  run {i - WarmUps + 1}: {r.Bars / sw.Elapsed.TotalSeconds:N0} bars/s ({r.Ticks / sw.Elapsed.TotalSeconds:N0} ticks/s; {r.Bars / cpuS:N0} bars per CPU-second), {bytes / (double)r.Ticks:0.0} B allocated per tick, {r.Signals.Count} signals");
    }
}

// The engine alone on the same ticks, read beforehand into memory (what bench/Bitten.Bench.Signals calls in-process):
// the whole replay divided by this shows what reading, the tick path and the runner add.
var preloaded = new List<HistoricalTick>();
using (var source = ReplaySource.Open([history], new ReplaySettings("EURUSD", 0.0001, 5)))
{
    while (source.TryRead(out var t))
    {
        preloaded.Add(t);
    }
}

var engineRates = new List<double>();
for (var i = 0; i < runs + WarmUps; i++)
{
    var settings = BacktestSettings.For(new ReplaySettings("EURUSD", 0.0001, 5));
    var engine = new SignalEngine(new SymbolCatalog(["EURUSD"], []), settings.Engine, new NullOutput(), new NoWinProbabilityModel(),
        new ThresholdState(settings.Threshold.Initial), new PatternRecord(), ms => ms.ToString(CultureInfo.InvariantCulture));
    var sw = Stopwatch.StartNew();
    foreach (var t in preloaded)
    {
        engine.OnTick(new TickEvent(0, t.Bid, t.Ask, t.TsMs, 0));
    }

    sw.Stop();
    if (i >= WarmUps)
    {
        engineRates.Add(preloaded.Count / 4 / sw.Elapsed.TotalSeconds);
    }
}

Console.WriteLine($"Engine alone on the same ticks preloaded in memory: {Median(engineRates):N0} bars/s");

// Real tick files hold 3,733 ticks here (Dukascopy, one hour): too few to time. A tick CSV is derived from the real M1 bars —
// 16 ticks per bar along the bar's path (open → nearer extreme → other extreme → close), with a 0.8-pip spread — and replayed
// through the tick CSV reader, so parsing is part of the figure.
var ticksFile = Path.Combine(Path.GetTempPath(), $"bitten-bench-ticks-{Environment.ProcessId}.csv");
var written = WriteTickCsv(history, ticksFile);
Console.WriteLine($"Ticks through the whole replay (tick CSV reader → engine → virtual outcomes): {written:N0} ticks, {new FileInfo(ticksFile).Length / 1e6:0} MB");
var tickRuns = new List<(double TicksPerS, double AllocPerTick, double CpuTicksPerS)>();
try
{
    for (var i = 0; i < runs + WarmUps; i++)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var r = Replay([ticksFile]);
        sw.Stop();
        var cpuS = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        if (i >= WarmUps)
        {
            tickRuns.Add((r.Ticks / sw.Elapsed.TotalSeconds, bytes / (double)r.Ticks, r.Ticks / cpuS));
            Console.WriteLine($"  run {i - WarmUps + 1}: {r.Ticks / sw.Elapsed.TotalSeconds:N0} ticks/s ({r.Ticks / cpuS:N0} per CPU-second), {bytes / (double)r.Ticks:0.0} B allocated per tick");
        }
    }
}
finally
{
    File.Delete(ticksFile);
}

// Reader alone, and reader + replay source (bar tick path) without the engine: where the time goes.
var readerRates = new List<double>();
var sourceRates = new List<double>();
double readerAlloc = 0, sourceAlloc = 0;
for (var i = 0; i < runs + WarmUps; i++)
{
    var allocated = GC.GetAllocatedBytesForCurrentThread();
    var sw = Stopwatch.StartNew();
    long n = 0;
    foreach (var f in Directory.GetFiles(history, "*.csv"))
    {
        using var reader = new HistDataReader(f);
        while (reader.TryRead(out _))
        {
            n++;
        }
    }

    var elapsed = sw.Elapsed.TotalSeconds;
    var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
    allocated = GC.GetAllocatedBytesForCurrentThread();
    sw.Restart();
    long ticks = 0;
    using (var source = ReplaySource.Open([history], new ReplaySettings("EURUSD", 0.0001, 5)))
    {
        while (source.TryRead(out _))
        {
            ticks++;
        }
    }

    if (i >= WarmUps)
    {
        readerRates.Add(n / elapsed);
        readerAlloc = bytes / (double)n;
        sourceRates.Add(ticks / 4 / sw.Elapsed.TotalSeconds);
        sourceAlloc = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)ticks;
    }
}

Console.WriteLine($"HistData reader alone: {Median(readerRates):N0} bars/s ({readerAlloc:0.00} B/bar); reader + replay source: {Median(sourceRates):N0} bars/s ({sourceAlloc:0.00} B/tick)");
var memory = MeasureMemory(history);
Console.WriteLine($"Peak resident memory of a process replaying four months of M1: {memory.PeakBytes / 1048576.0:0.0} MiB");

var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
var result = new JsonObject
{
    ["benchmark"] = "backtest",
    ["recorded_utc"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
    ["command"] = "dotnet run -c Release --project bench/Bitten.Bench.Backtest",
    ["machine"] = new JsonObject
    {
        ["logical_cores"] = Environment.ProcessorCount,
        ["pinned_to_cores"] = 1,
        ["load_average_at_end"] = load,
        ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        ["dotnet"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
        ["note"] = "a 2-core VM shared with other engineers' builds and tests: figures are lower bounds",
    },
    ["m1_bars"] = new JsonObject
    {
        ["data"] = $"HistData EURUSD M1 2017-01..04, {barRuns[0].Bars} bars, each replayed as 4 ticks",
        ["pipeline"] = "file → HistDataReader (byte parsing) → ReplaySource (spread model, bar tick path) → BacktestRunner (data clock, threshold reviews) → SignalEngine (validator, candles, indicators, structure, 6 detectors, scoring, gates) → virtual outcomes",
        ["bars_per_s_median"] = Math.Round(Median(barRuns.Select(r => r.BarsPerS))),
        ["bars_per_s_best"] = Math.Round(barRuns.Max(r => r.BarsPerS)),
        ["ticks_per_s_median"] = Math.Round(Median(barRuns.Select(r => r.TicksPerS))),
        ["allocated_bytes_per_tick"] = Math.Round(Median(barRuns.Select(r => r.AllocPerTick)), 2),
        ["runs_bars_per_s"] = new JsonArray([.. barRuns.Select(r => (JsonNode)Math.Round(r.BarsPerS))]),
        ["bars_per_cpu_second_median"] = Math.Round(Median(barRuns.Select(r => r.CpuBarsPerS))),
        ["warm_up_runs_not_measured"] = WarmUps,
        ["engine_alone_on_preloaded_ticks_bars_per_s"] = Math.Round(Median(engineRates)),
        ["histdata_reader_alone_bars_per_s"] = Math.Round(Median(readerRates)),
        ["histdata_reader_alone_allocated_bytes_per_bar"] = Math.Round(readerAlloc, 3),
        ["reader_and_replay_source_without_engine_bars_per_s"] = Math.Round(Median(sourceRates)),
        ["reader_and_replay_source_allocated_bytes_per_tick"] = Math.Round(sourceAlloc, 3),
    },
    ["ticks"] = new JsonObject
    {
        ["data"] = $"{written} ticks in a tick CSV derived from the same real M1 bars (16 per bar along the bar path, 0.8-pip spread); the shared real tick files are one hour (3,733 ticks), too short to time",
        ["pipeline"] = "file → TickCsvReader (byte parsing) → ReplaySource → BacktestRunner → SignalEngine → virtual outcomes",
        ["ticks_per_s_median"] = Math.Round(Median(tickRuns.Select(r => r.TicksPerS))),
        ["ticks_per_s_best"] = Math.Round(tickRuns.Max(r => r.TicksPerS)),
        ["allocated_bytes_per_tick"] = Math.Round(Median(tickRuns.Select(r => r.AllocPerTick)), 2),
        ["runs_ticks_per_s"] = new JsonArray([.. tickRuns.Select(r => (JsonNode)Math.Round(r.TicksPerS))]),
        ["ticks_per_cpu_second_median"] = Math.Round(Median(tickRuns.Select(r => r.CpuTicksPerS))),
    },
    ["memory"] = new JsonObject
    {
        ["what"] = "peak resident set (VmHWM) of a separate process that replays the four months of M1 (122,100 bars) and builds the result",
        ["peak_resident_mib"] = Math.Round(memory.PeakBytes / 1048576.0, 1),
        ["managed_heap_at_end_mib"] = Math.Round(memory.ManagedBytes / 1048576.0, 1),
    },
    ["goals"] = new JsonObject
    {
        ["m1_bars_per_s"] = ">= 1000000",
        ["ticks_per_s"] = ">= 5000000",
        ["peak_memory_four_months_m1_mib"] = "< 200",
    },
};
var output = Path.Combine(root, "bench", "results", "backtest.json");
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"written {output}");
return 0;

static BacktestResult Replay(string[] paths)
{
    var settings = BacktestSettings.For(new ReplaySettings("EURUSD", 0.0001, 5)) with { MonteCarloPaths = 0 };
    using var source = ReplaySource.Open(paths, settings.Replay);
    return BacktestRunner.Run(source, settings);
}

static long WriteTickCsv(string history, string path)
{
    using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
    writer.Write("ts_ms,bid,ask\n");
    long n = 0;
    Span<double> prices = stackalloc double[4];
    foreach (var f in Directory.GetFiles(history, "*.csv").Order(StringComparer.Ordinal))
    {
        foreach (var bar in HistDataReader.Read(f))
        {
            var highFirst = bar.High - bar.Open <= bar.Open - bar.Low;
            prices[0] = bar.Open;
            prices[1] = highFirst ? bar.High : bar.Low;
            prices[2] = highFirst ? bar.Low : bar.High;
            prices[3] = bar.Close;
            for (var i = 0; i < 16; i++)
            {
                var leg = Math.Min(2, i / 5);
                var t = (i - (leg * 5)) / 5.0;
                var bid = Math.Round(prices[leg] + ((prices[leg + 1] - prices[leg]) * t), 5);
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{bar.OpenTimeMs + (i * 3_750L)},{bid:0.00000},{bid + 0.00008:0.00000}\n"));
                n++;
            }
        }
    }

    return n;
}

static (long PeakBytes, long ManagedBytes) MeasureMemory(string history)
{
    var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
    if (!Environment.ProcessPath!.EndsWith("Bitten.Bench.Backtest", StringComparison.Ordinal))
    {
        info.ArgumentList.Add(typeof(BacktestRunner).Assembly.Location.Replace("Bitten.Modules.Signals.dll", "Bitten.Bench.Backtest.dll", StringComparison.Ordinal));
    }

    info.ArgumentList.Add("--memory");
    info.ArgumentList.Add(history);
    using var child = Process.Start(info)!;
    var line = child.StandardOutput.ReadToEnd().Trim().Split('\n')[^1].Split(' ');
    child.WaitForExit();
    return (long.Parse(line[0], CultureInfo.InvariantCulture), long.Parse(line[3], CultureInfo.InvariantCulture));
}

static long PeakResidentBytes()
{
    foreach (var line in File.ReadLines("/proc/self/status"))
    {
        if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
        {
            return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
    }

    return Process.GetCurrentProcess().PeakWorkingSet64;
}

static void PinToOneCore()
{
    if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
    {
        Process.GetCurrentProcess().ProcessorAffinity = 1;
    }
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
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

    throw new InvalidOperationException($"{file} not found above {start}");
}

/// <summary>Discards the engine's output (the engine-alone reference).</summary>
internal sealed class NullOutput : IEngineOutput
{
    public void OnBarClosed(int symbolIndex, in Candle candle)
    {
    }

    public void OnSignal(EngineSignal signal)
    {
    }

    public void OnResolved(VirtualTrade trade, SignalOutcome outcome, long tsMs)
    {
    }
}
