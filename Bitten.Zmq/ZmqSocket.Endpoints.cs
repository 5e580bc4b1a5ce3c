using System.Net;
using System.Net.Sockets;
using Bitten.Zmq.Transport;

namespace Bitten.Zmq;

public sealed partial class ZmqSocket
{
    /// <summary>
    /// Listens on <paramref name="endpoint"/> (<c>tcp://127.0.0.1:5556</c>, <c>tcp://*:5556</c>;
    /// port 0 picks a free port). May be called several times. Returns the bound port.
    /// </summary>
    public int Bind(string endpoint)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        var parsed = TcpEndpoint.Parse(endpoint);
        var address = parsed.BindAddress();
        var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(address, parsed.Port));
            listener.Listen(512);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        lock (_gate)
        {
            _listeners.Add(listener);
            _loops.Add(AcceptLoopAsync(listener));
        }

        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }

    /// <summary>
    /// Connects to <paramref name="endpoint"/> (<c>tcp://host:port</c>) in the background and keeps
    /// reconnecting after failures or disconnects, with back-off from
    /// <see cref="ZmqSocketOptions.ReconnectInterval"/> doubling up to <see cref="ZmqSocketOptions.ReconnectIntervalMax"/>.
    /// Returns at once; messages sent before the connection exists wait per the send rules.
    /// </summary>
    public void Connect(string endpoint)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        var parsed = TcpEndpoint.Parse(endpoint);
        lock (_gate)
        {
            _loops.Add(Task.Run(() => ConnectLoopAsync(parsed)));
        }
    }

    private async Task AcceptLoopAsync(Socket listener)
    {
        while (!IsDisposed)
        {
            Socket accepted;
            try
            {
                accepted = await listener.AcceptAsync(_disposed.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // e.g. out of descriptors: back off briefly instead of spinning
                await Task.Delay(10, CancellationToken.None);
                continue;
            }

            Counters.Accepted();
            StartSession(accepted);
        }
    }

    private async Task ConnectLoopAsync(TcpEndpoint endpoint)
    {
        var delay = Options.ReconnectInterval;
        while (!IsDisposed)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            var connected = false;
            try
            {
                await socket.ConnectAsync(endpoint.Host == "*" ? "127.0.0.1" : endpoint.Host, endpoint.Port, _disposed.Token);
                connected = true;
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                socket.Dispose();
            }

            if (connected)
            {
                socket.NoDelay = true;
                var peer = new ZmqPeer(this, socket);
                var run = peer.RunAsync();
                _sessions[peer] = run;
                if (IsDisposed)
                {
                    peer.Close(null);
                }

                await run;
                _sessions.TryRemove(peer, out _);
                if (peer.HandshakeCompleted)
                {
                    delay = Options.ReconnectInterval;
                }
            }

            try
            {
                await Task.Delay(delay, _disposed.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Options.ReconnectIntervalMax.Ticks));
        }
    }

    private async Task HeartbeatLoopAsync()
    {
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(10).Ticks, Math.Min(Options.HeartbeatInterval.Ticks, Options.HeartbeatTimeout.Ticks) / 4));
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(_disposed.Token))
            {
                var now = Environment.TickCount64;
                foreach (var peer in Volatile.Read(ref _peers))
                {
                    peer.Heartbeat(now, Options);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // disposed
        }
    }
}
