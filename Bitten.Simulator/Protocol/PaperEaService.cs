using System.Text;
using System.Threading.Channels;
using Bitten.Contracts.Hosting;
using Bitten.Simulator.Broker;
using Bitten.Simulator.Market;
using Bitten.Zmq;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bitten.Simulator.Protocol;

/// <summary>
/// The paper Expert Advisor: a client exactly like a terminal's EA. DEALER to the command port
/// (routing id = ea_id) for hello, heartbeats and commands; PUSH to the feed port for ticks, symbols
/// and heartbeats; PUSH to the report port for confirmations, close reports and pongs. Ports come from
/// the host's <see cref="BoundEndpoints"/>, each socket connecting when its port is known.
/// </summary>
internal sealed partial class PaperEaService(SimulatorSetup setup, BoundEndpoints endpoints, TimeProvider time, ILogger<PaperEaService> logger) : BackgroundService
{
    private readonly PaperBroker _broker = new(setup.BrokerSettings);
    private readonly EaMessages _messages = new(setup.Identity.EaId, setup.Identity.EaToken, setup.Options.BrokerSuffix);
    private readonly Channel<bool> _heartbeatNow = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private SimulatedClock? _clock;
    private Outbound? _feed;
    private Outbound? _reports;
    private Outbound? _commands;
    private volatile bool _helloAcked;
    private long _ticksSent;

    private string EaId => setup.Identity.EaId;

    internal PaperBroker Broker => _broker;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = setup.Options;
        var start = options.StartTime ?? time.GetUtcNow();
        var warmUp = options.WarmUp ?? TimeSpan.Zero;
        _clock = new SimulatedClock(time, start, options.Speed, warmUp, options.WarmUpSpeed);
        await using var dealer = new ZmqSocket(ZmqSocketType.Dealer, new ZmqSocketOptions { Name = "sim-commands", RoutingId = Encoding.UTF8.GetBytes(EaId) });
        await using var feed = new ZmqSocket(ZmqSocketType.Push, new ZmqSocketOptions { Name = "sim-feed", SendHighWaterMark = 10_000 });
        await using var reports = new ZmqSocket(ZmqSocketType.Push, new ZmqSocketOptions { Name = "sim-reports" });
        _commands = new Outbound(dealer, 1_000);
        _feed = new Outbound(feed, 10_000);
        _reports = new Outbound(reports, 10_000);
        Log.Started(logger, EaId, setup.Profiles.Count, options.Seed, options.Speed, start);
        if (warmUp > TimeSpan.Zero)
        {
            Log.WarmingUp(logger, EaId, warmUp, options.WarmUpSpeed);
        }

        if (options.OpenAtWeekends == true)
        {
            Log.OpenAtWeekends(logger, EaId, MarketSessions.IsWeekend(start) ? "It is the weekend now: the real FX market is closed, " : string.Empty);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var ct = stop.Token;
        Task[] loops =
        [
            ConnectWhenBoundAsync("commands", dealer, ct),
            ConnectWhenBoundAsync("feed", feed, ct),
            ConnectWhenBoundAsync("reports", reports, ct),
            _commands.RunAsync(ct),
            _feed.RunAsync(ct),
            _reports.RunAsync(ct),
            Forever("market", MarketStepAsync, ct),
            Forever("commands", ct => CommandStepAsync(dealer, ct), ct),
            Forever("control", ControlStepAsync, ct),
            Forever("connection", ConnectionStepAsync, ct),
        ];
        try
        {
            await Task.WhenAll(loops);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await stop.CancelAsync();
        }
    }

    private async Task ConnectWhenBoundAsync(string name, ZmqSocket socket, CancellationToken ct)
    {
        var port = await endpoints.PortAsync(name, ct);
        var endpoint = $"tcp://{setup.Options.ConnectAddress}:{port}";
        socket.Connect(endpoint);
        Log.Connected(logger, EaId, name, endpoint);
        if (name == "feed")
        {
            await _feed!.SendAsync(_messages.Symbols(_broker), ct);
        }
    }

    /// <summary>Runs one step after another until stopped; a failing step is logged and the loop goes on.</summary>
    private async Task Forever(string name, Func<CancellationToken, Task> step, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await step(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.LoopFailed(logger, EaId, name, ex);
                await Task.Delay(TimeSpan.FromMilliseconds(100), time, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>A snapshot for <c>/healthz</c>; safe from any thread.</summary>
    public PaperEaStatus Status()
    {
        var account = _broker.Snapshot();
        return new PaperEaStatus(
            _clock is not null,
            _commands?.Socket.GetMetrics().PeersConnected > 0,
            _helloAcked,
            _clock?.NowMs ?? 0,
            Interlocked.Read(ref _ticksSent),
            _feed?.Dropped ?? 0,
            account.Positions.Count,
            account.Balance,
            account.Equity);
    }

    private long WallMs => time.GetUtcNow().ToUnixTimeMilliseconds();

    private void HeartbeatSoon() => _heartbeatNow.Writer.TryWrite(true);
}
