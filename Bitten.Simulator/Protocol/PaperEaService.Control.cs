namespace Bitten.Simulator.Protocol;

internal sealed partial class PaperEaService
{
    private bool _wasConnected;
    private long _lastHelloTs;
    private long _lastHeartbeatTs;

    /// <summary>
    /// Once a second (or at once after a fill or close): hello when the command connection comes up and
    /// again when no hello_ack arrived within <c>HelloRetrySeconds</c>; a heartbeat every <c>HeartbeatSeconds</c>
    /// of wall time on both the command and the feed socket.
    /// </summary>
    private async Task ControlStepAsync(CancellationToken ct)
    {
        var triggered = false;
        while (_heartbeatNow.Reader.TryRead(out _))
        {
            triggered = true;
        }

        var connected = _commands!.Socket.GetMetrics().PeersConnected > 0;
        if (connected && !_wasConnected)
        {
            await SendHelloAsync("connected", ct);
        }
        else if (connected && !_helloAcked && time.GetElapsedTime(_lastHelloTs) >= TimeSpan.FromSeconds(setup.Options.HelloRetrySeconds))
        {
            await SendHelloAsync("no hello_ack", ct);
        }

        if (!connected && _wasConnected)
        {
            _helloAcked = false; // a reconnect needs a new hello
        }

        _wasConnected = connected;
        if (triggered || _lastHeartbeatTs == 0 || time.GetElapsedTime(_lastHeartbeatTs) >= TimeSpan.FromSeconds(setup.Options.HeartbeatSeconds))
        {
            var heartbeat = _messages.Heartbeat(_broker.Snapshot(), WallMs);
            _commands.Offer(heartbeat);
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

    private ValueTask SendHelloAsync(string why, CancellationToken ct)
    {
        _lastHelloTs = time.GetTimestamp();
        _helloAcked = false;
        Log.HelloSent(logger, EaId, why);
        _commands!.Offer(_messages.Hello(_broker.Snapshot(), setup.Options.Leverage, WallMs));
        return ValueTask.CompletedTask;
    }
}
