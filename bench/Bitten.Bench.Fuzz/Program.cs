using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Bitten.Bench.Fuzz.Engine;

// Fuzzing harness (issue #13, hostile input): writes bench/results/fuzz.json.
//   dotnet run -c Release --project bench/Bitten.Bench.Fuzz [-- --inputs N] [--seed S] [--target name[,name]] [--out file]
// Exit code 0 when no target crashed or hung, 1 otherwise, 2 on bad arguments.
var inputs = 1_000_000L;
var seed = 20261206UL;
string[] names = FuzzTargets.Names;
var output = Path.Combine(SampleFiles.RepositoryRoot, "bench", "results", "fuzz.json");
for (var i = 0; i < args.Length; i++)
{
    var value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--inputs" when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0:
            inputs = n;
            i++;
            break;
        case "--seed" when ulong.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s):
            seed = s;
            i++;
            break;
        case "--target" when value is not null:
            names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            i++;
            break;
        case "--out" when value is not null:
            output = Path.GetFullPath(value);
            i++;
            break;
        default:
            Console.Error.WriteLine($"unexpected argument '{args[i]}'. Usage: [--inputs N] [--seed S] [--target {string.Join(',', FuzzTargets.Names)}] [--out file]");
            return 2;
    }
}

var settings = new FuzzSettings(inputs, seed) { FindingsDirectory = Path.Combine(SampleFiles.RepositoryRoot, "bench", "results", "fuzz-findings") };
var loadBefore = LoadAverage();
Console.WriteLine($"Fuzzing {names.Length} targets, {inputs:N0} inputs each, seed {seed} (load average {loadBefore})");
var runner = new FuzzRunner(settings, Console.Out);
var reports = new List<TargetReport>();
var total = Stopwatch.StartNew();
foreach (var name in names)
{
    using var target = FuzzTargets.Create(name);
    var report = runner.Run(target);
    reports.Add(report);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {report.Target,-18} {report.Inputs,10:N0} inputs  {report.Accepted,9:N0} accepted  {report.Rejected,10:N0} rejected  {report.Crashes} crashes  {report.Hangs} hangs  slowest {report.SlowestInputMs:0.0} ms  {report.InputsPerS,9:N0}/s"));
}

var result = new
{
    benchmark = "fuzz",
    command = "dotnet run -c Release --project bench/Bitten.Bench.Fuzz" + (args.Length > 0 ? " -- " + string.Join(' ', args) : string.Empty),
    recorded_at = TimeProvider.System.GetUtcNow(),
    seed,
    inputs_per_target = inputs,
    hang_after_ms = settings.HangAfter.TotalMilliseconds,
    elapsed_s = Math.Round(total.Elapsed.TotalSeconds, 1),
    crashes = reports.Sum(r => r.Crashes),
    hangs = reports.Sum(r => r.Hangs),
    machine = new
    {
        os = RuntimeInformation.OSDescription,
        runtime = RuntimeInformation.FrameworkDescription,
        cores = Environment.ProcessorCount,
        cpu = CpuModel(),
        load_average_before = loadBefore,
        load_average_after = LoadAverage(),
    },
    targets = reports.Select(r => new
    {
        target = r.Target,
        inputs = r.Inputs,
        samples = r.Samples,
        accepted = r.Accepted,
        rejected = r.Rejected,
        rejected_by_reason = r.RejectedByReason,
        crashes = r.Crashes,
        hangs = r.Hangs,
        abandoned = r.Abandoned,
        slowest_input_ms = Math.Round(r.SlowestInputMs, 2),
        slowest_input_index = r.SlowestInputIndex,
        elapsed_s = Math.Round(r.ElapsedS, 2),
        inputs_per_s = Math.Round(r.InputsPerS),
        findings = r.Findings.Select(f => new
        {
            kind = f.Kind,
            signature = f.Signature,
            count = f.Count,
            first_index = f.FirstIndex,
            variant = f.Variant,
            message = f.Message,
            input_length = f.InputLength,
            input_base64 = f.InputBase64,
            file = f.File,
        }),
    }),
};
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }) + "\n");
Console.WriteLine($"Wrote {output}");
return reports.Any(r => r.Crashes > 0 || r.Hangs > 0 || r.Abandoned) ? 1 : 0;

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static string CpuModel() => File.Exists("/proc/cpuinfo")
    ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
    : RuntimeInformation.ProcessArchitecture.ToString();
