using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Bitten.Host.Tests.Infrastructure;

namespace Bitten.Host.Tests.Faults;

/// <summary>
/// The real host as a child process over one data folder that outlives it: the ZeroMQ ports are fixed for the folder's
/// life (an EA reconnects to the same ports after a kill and restart, as a real terminal does), the HTTP port is new at
/// every start. Trading settings for the fault tests: no simulator, <c>fault-feed</c> as the feed EA, a fake bot token
/// (sign-in works, the bot talks to nothing), every new user in a tier that may fire.
/// </summary>
public sealed partial class FaultHost : IAsyncDisposable
{
    public const string FeedId = "fault-feed";
    public const string FeedToken = "fault-feed-token";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180); // an upper bound for a loaded 2-core CI machine

    public FaultHost(TemporaryDirectory directory)
    {
        Directory = directory;
        var ports = FreePorts(5);
        (CommandPort, FeedPort, SignalPort, ReportPort, MarketPort) = (ports[0], ports[1], ports[2], ports[3], ports[4]);
    }

    public TemporaryDirectory Directory { get; }

    public string DataDirectory => Directory.Combine("data");

    public int CommandPort { get; }

    public int FeedPort { get; }

    public int SignalPort { get; }

    public int ReportPort { get; }

    public int MarketPort { get; }

    public HostProcess? Process { get; private set; }

    public Uri? BaseAddress { get; private set; }

    /// <summary>Settings added to every start (e.g. <c>--Modules:Execution:WeekendOpenEas:0=...</c>).</summary>
    public List<string> Settings { get; } = [];

    public string[] Arguments(params string[] extra) =>
    [
        .. extra,
        "--Urls=http://127.0.0.1:0",
        $"--Storage:DataDirectory={DataDirectory}",
        $"--Storage:BackupDirectory={Directory.Combine("backups")}",
        $"--Logging:Directory={Directory.Combine("logs")}",
        $"--Zmq:CommandPort={CommandPort}",
        $"--Zmq:FeedPort={FeedPort}",
        $"--Zmq:SignalPort={SignalPort}",
        $"--Zmq:ReportPort={ReportPort}",
        $"--Zmq:MarketPort={MarketPort}",
        "--Simulator:Enabled=false",
        $"--Modules:Signals:FeedSources:0={FeedId}",
        $"--Modules:Signals:FeedCredentials:{FeedId}={FeedToken}",
        $"--Telegram:BotToken={TelegramLogin.BotToken}",
        "--Telegram:ApiBaseUrl=http://127.0.0.1:9", // the discard port: refused at once, the bot stays quiet
        "--Tiers:Default=REAPER",
        "--Tiers:Definitions:REAPER:MaxOpenFires=20",
        .. Settings,
    ];

    /// <summary>Starts the host and waits until it listens; fails with its output if it exits instead.</summary>
    public async Task<HttpClient> StartAsync(params string[] extra)
    {
        if (Process is { HasExited: false })
        {
            throw new InvalidOperationException("the host is already running");
        }

        if (Process is not null)
        {
            await Process.DisposeAsync();
        }

        var process = HostProcess.Start(Directory.Path, Arguments(extra));
        Process = process;
        try
        {
            await Wait.UntilAsync(() => Listening().IsMatch(process.StandardOutput) || process.HasExited, StartTimeout, "the host reports it is listening");
        }
        catch (TimeoutException ex)
        {
            var log = process.StandardOutput;
            throw new TimeoutException($"{ex.Message}\n--- host output (last 4000 chars) ---\n{log[Math.Max(0, log.Length - 4000)..]}\n{process.StandardError}", ex);
        }

        if (process.HasExited)
        {
            throw new InvalidOperationException($"the host exited with {process.ExitCode}:\n{process.StandardOutput}\n{process.StandardError}");
        }

        BaseAddress = new Uri(Listening().Match(process.StandardOutput).Groups[1].Value);
        return Client();
    }

    public HttpClient Client() => new() { BaseAddress = BaseAddress ?? throw new InvalidOperationException("not started"), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>SIGKILL, then waits for the process to be gone.</summary>
    public Task KillAsync() => Process?.KillAsync() ?? Task.CompletedTask;

    public async Task StopAsync()
    {
        if (Process is { HasExited: false } process)
        {
            process.Interrupt();
            (await process.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(0, process.StandardError);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Process is not null)
        {
            await Process.DisposeAsync();
        }
    }

    /// <summary>Ports free now (bound together, then released): the host binds them again at every start.</summary>
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"host on {DataDirectory} (commands {CommandPort})");
}
