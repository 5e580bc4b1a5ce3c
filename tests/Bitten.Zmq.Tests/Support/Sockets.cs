namespace Bitten.Zmq.Tests.Support;

/// <summary>Small helpers shared by the socket tests.</summary>
internal static class Sockets
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static ZmqSocketOptions Fast(Action<ZmqSocketOptions>? configure = null)
    {
        var options = new ZmqSocketOptions
        {
            ReconnectInterval = TimeSpan.FromMilliseconds(20),
            ReconnectIntervalMax = TimeSpan.FromMilliseconds(200),
            HandshakeTimeout = TimeSpan.FromSeconds(5),
            Linger = TimeSpan.FromSeconds(2),
        };
        configure?.Invoke(options);
        return options;
    }

    public static async Task<ZmqMessage> ReceiveWithinAsync(this ZmqSocket socket, int timeoutSeconds = 15)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            return await socket.ReceiveAsync(timeout.Token);
        }
        catch (OperationCanceledException e)
        {
            throw new TimeoutException($"{socket.Type} received nothing within {timeoutSeconds} s", e);
        }
    }

    public static async Task<string[]> ReceiveStringsAsync(this ZmqSocket socket, int timeoutSeconds = 15)
    {
        using var message = await socket.ReceiveWithinAsync(timeoutSeconds);
        return [.. Enumerable.Range(0, message.FrameCount).Select(message.GetString)];
    }

    public static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    public static Task WaitForPeersAsync(this ZmqSocket socket, int count) =>
        Wait.UntilAsync(() => socket.GetMetrics().PeersConnected == count, Timeout, $"{socket.Type} has {count} peer(s)");
}
