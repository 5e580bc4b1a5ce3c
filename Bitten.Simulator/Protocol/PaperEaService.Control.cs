namespace Bitten.Simulator.Protocol;

internal sealed partial class PaperEaService
{
    private bool _wasConnected;
    private long _lastHelloTs;
    private long _lastHeartbeatTs;

    private static readonly TimeSpan ConnectionPoll = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// Watches the command connection often enough to see every reconnect (the socket waits at least its
    /// reconnect interval, 100 ms, between a drop and the next connection): hello when it comes up, and
    /// again when no hello_ack arrived within <c>HelloRetrySeconds</c>.
    /// </summary>
    private async Task ConnectionStepAsync(CancellationToken ct)
    {
        var connected = _commands!.Socket.GetMetrics().PeersConnected > 0;
        if (connected && !_wasConnected)
        {
            SendHello("connected");
        }
        else if (connected && !_helloAcked && time.GetElapsedTime(_lastHelloTs) >= TimeSpan.FromSeconds(setup.Options.HelloRetrySeconds))
        {
            SendHello("no hello_ack");
        }

        if (!connected && _wasConnected)
        {
            _helloAcked = false; // a reconnect needs a new hello
        }

        _wasConnected = connected;
        await Task.Delay(ConnectionPoll, time, ct);
    }

    /// <summary>A heartbeat every <c>HeartbeatSeconds</c> of wall time (and at once after a fill or close) on the command and feed sockets.</summary>
    private async Task ControlStepAsync(CancellationToken ct)
    {
        var triggered = false;
        while (_heartbeatNow.Reader.TryRead(out _))
        {
            triggered = true;
        }

        if (triggered || _lastHeartbeatTs == 0 || time.GetElapsedTime(_lastHeartbeatTs) >= TimeSpan.FromSeconds(setup.Options.HeartbeatSeconds))
        {
            var heartbeat = _messages.Heartbeat(_broker.Snapshot(), WallMs);
            _commands!.Offer(heartbeat);
            _feed!.Offer(heartbeat);
            _lastHeartbeatTs = time.GetTimestamp();
        }

        using var nap = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(TimeSpan.FromSeconds(1), time, nap.Token);
        var wake = _heartbeatNow.Reader.WaitToReadAsync(nap.Token).AsTask();
        await Task.WhenAny(delay, wake);
        await nap.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }

    private void SendHello(string why)
    {
        _lastHelloTs = time.GetTimestamp();
        _helloAcked = false;
        Log.HelloSent(logger, EaId, why);
        _commands!.Offer(_messages.Hello(_broker.Snapshot(), setup.Options.Leverage, WallMs));
    }
}
