using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Bitten.Bench.Load;

/// <summary>
/// Bitten.Host (the Release build copied into this project's output) as a child process on free ports, with its
/// own data and log folders. Its resources are read from /proc/&lt;pid&gt; (it is the dotnet process itself).
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private HostProcess(Process process, HostPorts ports)
    {
        _process = process;
        Ports = ports;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public HostPorts Ports { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public static HostPorts FreePorts() => new(Free(), Free(), Free(), Free(), Free(), Free());

    public static HostProcess Start(HostPorts ports, string work, IEnumerable<string> settings, IEnumerable<string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = work,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Bitten.Host.dll"));
        foreach (var s in new[]
                 {
                     $"--Urls=http://127.0.0.1:{ports.Http}",
                     $"--Storage:DataDirectory={Path.Combine(work, "data")}",
                     $"--Storage:BackupDirectory={Path.Combine(work, "backups")}",
                     $"--Logging:Directory={Path.Combine(work, "logs")}",
                     "--Logging:MinimumLevel=Warning",
                     $"--Zmq:CommandPort={ports.Command}", $"--Zmq:FeedPort={ports.Feed}", $"--Zmq:SignalPort={ports.Signal}",
                     $"--Zmq:ReportPort={ports.Report}", $"--Zmq:MarketPort={ports.Market}",
                 }.Concat(settings))
        {
            info.ArgumentList.Add(s);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var pair in environment ?? [])
        {
            var (key, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start Bitten.Host");
        return new HostProcess(process, ports);
    }

    public async Task WaitReadyAsync(HttpClient http, TimeSpan timeout)
    {
        var until = Stopwatch.StartNew();
        while (until.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Bitten.Host exited with {_process.ExitCode}:\n{Tail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{Ports.Http}/healthz"));
                if ((int)response.StatusCode is 200 or 503)
                {
                    return; // up (503 only means a contributor such as a stale feed is unhealthy before the EAs connect)
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("Bitten.Host did not answer /healthz:\n" + Tail());
    }

    public string Tail()
    {
        lock (_output)
        {
            return string.Join('\n', _output.TakeLast(40));
        }
    }

    /// <summary>RSS, peak RSS, threads (/proc/pid/status), open fds (/proc/pid/fd) and CPU seconds (/proc/pid/stat).</summary>
    public ProcSample? Sample()
    {
        try
        {
            long rss = 0, hwm = 0, threads = 0;
            foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kb(line);
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) hwm = Kb(line);
                else if (line.StartsWith("Threads:", StringComparison.Ordinal)) threads = long.Parse(line[8..].Trim(), CultureInfo.InvariantCulture);
            }

            var fds = Directory.GetFiles($"/proc/{Pid}/fd").Length;
            var stat = File.ReadAllText($"/proc/{Pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return new ProcSample(Stopwatch.GetTimestamp(), rss * 1024, hwm * 1024, (int)threads, fds, ticks / 100.0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        // SIGTERM: the host shuts down gracefully (loops finish, databases close).
        using (var kill = Process.Start("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 400)
            {
                _output.RemoveRange(0, 200);
            }
        }
    }

    private static long Kb(string line) => long.Parse(line.Split(':', 2)[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);

    private static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

internal sealed record HostPorts(int Http, int Command, int Feed, int Signal, int Report, int Market);

internal sealed record ProcSample(long At, long RssBytes, long PeakRssBytes, int Threads, int Fds, double CpuSeconds);
