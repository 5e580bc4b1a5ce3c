using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitten.Bench.Zmq;
using Bitten.Zmq;

// Usage: dotnet run -c Release --project bench/Bitten.Bench.Zmq [-- <output.json>]
// Needs gcc + libzmq3-dev (reference peers are compiled at start) and python3-zmq (python reference receiver).
const int MessageBytes = 100;
const int Messages = 2_000_000;
const int Runs = 5;
const int RoundTrips = 20_000;
var trace = args.Contains("--allocation-trace");
var output = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? Path.Combine(FindRepositoryRoot(), "bench", "results", "zmq-throughput.json");
var helper = CompileHelper();
var timeout = TimeSpan.FromMinutes(2);
if (trace)
{
    // diagnostic mode: which types allocate on the steady-state receive path (no JSON written)
    using var listener = new AllocationTrace();
    await BittenPullAsync(listener);
    await BittenPullAsync(listener);
    foreach (var (type, ticks) in listener.Top)
    {
        Console.WriteLine($"  {ticks,6} x ~100 KB  {type}");
    }

    return 0;
}

Console.WriteLine($"throughput: {Runs} runs of {Messages:N0} x {MessageBytes} B from a libzmq PUSH (C)");
var libzmqRates = new List<double>();
var pythonRates = new List<double>();
var bittenRates = new List<double>();
var allocations = new List<double>();
for (var run = 0; run < Runs; run++)
{
    libzmqRates.Add(LibzmqPull());
    pythonRates.Add(PythonPull());
    var (rate, bytesPerMessage) = await BittenPullAsync();
    bittenRates.Add(rate);
    allocations.Add(bytesPerMessage);
    Console.WriteLine($"  run {run + 1}: libzmq C PULL {libzmqRates[^1]:N0}/s, libzmq python PULL {pythonRates[^1]:N0}/s, Bitten PULL {rate:N0}/s, {bytesPerMessage:0.###} B allocated/msg");
}

Console.WriteLine($"round trip: {RoundTrips:N0} x {MessageBytes} B, libzmq DEALER (C) client");
var libzmqRtt = LibzmqEchoRtt();
var bittenRtt = await BittenEchoRttAsync(bittenClient: false);
var allBittenRtt = await BittenEchoRttAsync(bittenClient: true);
Console.WriteLine($"  libzmq ROUTER echo p50 {libzmqRtt.P50} us p99 {libzmqRtt.P99} us; Bitten ROUTER echo p50 {bittenRtt.P50} us p99 {bittenRtt.P99} us; Bitten DEALER+ROUTER p50 {allBittenRtt.P50} us p99 {allBittenRtt.P99} us");

var libzmqBest = libzmqRates.Max();
var bittenBest = bittenRates.Max();
var result = new JsonObject
{
    ["benchmark"] = "zmq-throughput",
    ["recorded_utc"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
    ["command"] = "dotnet run -c Release --project bench/Bitten.Bench.Zmq",
    ["machine"] = new JsonObject
    {
        ["logical_cores"] = Environment.ProcessorCount,
        ["os"] = RuntimeInformation.OSDescription,
        ["architecture"] = RuntimeInformation.OSArchitecture.ToString(),
        ["dotnet"] = RuntimeInformation.FrameworkDescription,
        ["libzmq"] = Run("/usr/bin/python3", "-c", "import zmq; print(zmq.zmq_version())").Trim(),
        ["note"] = "2 cores shared with other builds; sender, receiver and runtime compete for them",
    },
    ["throughput"] = new JsonObject
    {
        ["message_bytes"] = MessageBytes,
        ["messages_per_run"] = Messages,
        ["runs"] = Runs,
        ["sender"] = "libzmq 4.3.4 PUSH, C program (native/zmqbench.c), default HWM",
        ["libzmq_c_pull_msgs_per_s_best"] = Math.Round(libzmqBest),
        ["libzmq_python_pull_msgs_per_s_best"] = Math.Round(pythonRates.Max()),
        ["bitten_pull_msgs_per_s_best"] = Math.Round(bittenBest),
        ["ratio_bitten_to_libzmq_c"] = Math.Round(bittenBest / libzmqBest, 3),
        ["ratio_bitten_to_libzmq_python"] = Math.Round(bittenBest / pythonRates.Max(), 3),
        ["libzmq_c_pull_msgs_per_s_median"] = Math.Round(Median(libzmqRates)),
        ["bitten_pull_msgs_per_s_median"] = Math.Round(Median(bittenRates)),
        ["ratio_of_medians_bitten_to_libzmq_c"] = Math.Round(Median(bittenRates) / Median(libzmqRates), 3),
        ["goal"] = "bitten >= 0.8 x libzmq",
        ["runs_libzmq_c"] = ToArray(libzmqRates),
        ["runs_libzmq_python"] = ToArray(pythonRates),
        ["runs_bitten"] = ToArray(bittenRates),
    },
    ["round_trip_us"] = new JsonObject
    {
        ["client"] = "libzmq DEALER (C), one message in flight, 1000 warm-up round trips",
        ["round_trips"] = RoundTrips,
        ["message_bytes"] = MessageBytes,
        ["libzmq_router_echo"] = new JsonObject { ["p50"] = libzmqRtt.P50, ["p99"] = libzmqRtt.P99 },
        ["bitten_router_echo"] = new JsonObject { ["p50"] = bittenRtt.P50, ["p99"] = bittenRtt.P99 },
        ["bitten_dealer_to_bitten_router_echo"] = new JsonObject { ["p50"] = allBittenRtt.P50, ["p99"] = allBittenRtt.P99, ["client"] = "our DEALER (SendAsync + ReceiveAsync), Stopwatch per round trip" },
    },
    ["allocations"] = new JsonObject
    {
        ["bitten_pull_bytes_per_message"] = Math.Round(allocations.Min(), 4),
        ["runs"] = ToArray(allocations),
        ["method"] = "GC.GetTotalAllocatedBytes(precise: true), process-wide (socket read loops included), over the last 90% of each run's receive loop (WaitToReceiveAsync + TryReceive + Dispose), divided by messages",
        ["goal"] = 0,
    },
};
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
File.WriteAllText(output, result.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
Console.WriteLine($"wrote {output}");
return 0;

double LibzmqPull()
{
    using var pull = NativePeer.Start(helper, "pull", "tcp://127.0.0.1:*", Messages.ToString(CultureInfo.InvariantCulture));
    var port = pull.ExpectPort();
    using var push = NativePeer.Start(helper, "push", $"tcp://127.0.0.1:{port}", Messages.ToString(CultureInfo.InvariantCulture), MessageBytes.ToString(CultureInfo.InvariantCulture));
    var rate = double.Parse(pull.Expect("RATE", timeout), CultureInfo.InvariantCulture);
    push.WaitForExit(timeout);
    return rate;
}

double PythonPull()
{
    const string Script = """
        import sys, time, zmq
        n = int(sys.argv[1]); s = zmq.Context().socket(zmq.PULL); s.bind("tcp://127.0.0.1:*")
        print("BOUND " + s.getsockopt(zmq.LAST_ENDPOINT).decode().rsplit(":", 1)[1], flush=True)
        recv = s.recv; recv(); t0 = time.perf_counter()
        for _ in range(n - 1): recv(copy=False)
        print("RATE %.0f" % ((n - 1) / (time.perf_counter() - t0)), flush=True)
        """;
    using var pull = NativePeer.Start("/usr/bin/python3", "-c", Script, (Messages / 4).ToString(CultureInfo.InvariantCulture));
    var port = pull.ExpectPort();
    using var push = NativePeer.Start(helper, "push", $"tcp://127.0.0.1:{port}", (Messages / 4).ToString(CultureInfo.InvariantCulture), MessageBytes.ToString(CultureInfo.InvariantCulture));
    var rate = double.Parse(pull.Expect("RATE", timeout), CultureInfo.InvariantCulture);
    push.WaitForExit(timeout);
    return rate;
}

async Task<(double Rate, double BytesPerMessage)> BittenPullAsync(AllocationTrace? listener = null)
{
    await using var pull = new ZmqSocket(ZmqSocketType.Pull, new ZmqSocketOptions { HeartbeatInterval = TimeSpan.Zero });
    var port = pull.Bind("tcp://127.0.0.1:0");
    using var push = NativePeer.Start(helper, "push", $"tcp://127.0.0.1:{port}", Messages.ToString(CultureInfo.InvariantCulture), MessageBytes.ToString(CultureInfo.InvariantCulture));
    var received = 0;
    var steadyFrom = Messages / 10;
    long startTicks = 0, allocatedAtSteady = 0;
    var checksum = 0L;
    while (received < Messages && await pull.WaitToReceiveAsync())
    {
        while (pull.TryReceive(out var message))
        {
            checksum += message[0].Length;
            message.Dispose();
            received++;
            if (received == 1)
            {
                startTicks = Stopwatch.GetTimestamp();
            }
            else if (received == steadyFrom)
            {
                allocatedAtSteady = GC.GetTotalAllocatedBytes(precise: true);
                listener?.Enabled = true;
            }
        }
    }

    var elapsed = Stopwatch.GetElapsedTime(startTicks);
    listener?.Enabled = false;
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedAtSteady;
    push.WaitForExit(timeout);
    if (checksum != (long)Messages * MessageBytes)
    {
        throw new InvalidOperationException("payload sizes do not add up");
    }

    return ((received - 1) / elapsed.TotalSeconds, (double)allocated / (received - steadyFrom));
}

(double P50, double P99) LibzmqEchoRtt()
{
    using var echo = NativePeer.Start(helper, "router-echo", "tcp://127.0.0.1:*");
    return DealerRtt(echo.ExpectPort());
}

async Task<(double P50, double P99)> BittenEchoRttAsync(bool bittenClient)
{
    await using var router = new ZmqSocket(ZmqSocketType.Router, new ZmqSocketOptions { HeartbeatInterval = TimeSpan.Zero });
    var port = router.Bind("tcp://127.0.0.1:0");
    using var stop = new CancellationTokenSource();
    var echo = Task.Run(async () =>
    {
        try
        {
            while (true)
            {
                using var message = await router.ReceiveAsync(stop.Token);
                await router.SendAsync(message, stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // done
        }
    });
    var result = bittenClient ? await BittenDealerRttAsync(port) : await Task.Run(() => DealerRtt(port));
    await stop.CancelAsync();
    await echo;
    return result;
}

async Task<(double P50, double P99)> BittenDealerRttAsync(int port)
{
    await using var dealer = new ZmqSocket(ZmqSocketType.Dealer, new ZmqSocketOptions { HeartbeatInterval = TimeSpan.Zero, RoutingId = "bench"u8.ToArray() });
    dealer.Connect($"tcp://127.0.0.1:{port}");
    var payload = new byte[MessageBytes];
    var latencies = new double[RoundTrips];
    for (var i = -1000; i < RoundTrips; i++)
    {
        var start = Stopwatch.GetTimestamp();
        await dealer.SendAsync(payload);
        using (await dealer.ReceiveAsync())
        {
        }

        if (i >= 0)
        {
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
    }

    Array.Sort(latencies);
    return (Math.Round(latencies[RoundTrips / 2], 1), Math.Round(latencies[(int)(RoundTrips * 0.99)], 1));
}

(double P50, double P99) DealerRtt(int port)
{
    using var client = NativePeer.Start(helper, "dealer-rtt", $"tcp://127.0.0.1:{port}", RoundTrips.ToString(CultureInfo.InvariantCulture), MessageBytes.ToString(CultureInfo.InvariantCulture));
    var parts = client.Expect("P50", timeout).Split(' ');
    return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture));
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static JsonArray ToArray(IEnumerable<double> values) => [.. values.Select(v => (JsonNode)(Math.Abs(v) >= 100 ? Math.Round(v) : Math.Round(v, 4)))];

static string CompileHelper()
{
    var source = Path.Combine(AppContext.BaseDirectory, "native", "zmqbench.c");
    var binary = Path.Combine(Path.GetTempPath(), $"bitten-zmqbench-{Environment.ProcessId}");
    Run("gcc", "-O2", "-o", binary, source, "-lzmq");
    return binary;
}

static string Run(string file, params string[] arguments)
{
    var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    foreach (var argument in arguments)
    {
        info.ArgumentList.Add(argument);
    }

    using var process = Process.Start(info)!;
    var text = process.StandardOutput.ReadToEnd();
    var error = process.StandardError.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {error} (is libzmq3-dev installed? apt-get install -y libzmq3-dev)");
    }

    return text;
}

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Bitten.sln")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
