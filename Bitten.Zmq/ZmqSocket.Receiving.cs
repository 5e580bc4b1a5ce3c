using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;

namespace Bitten.Zmq;

public sealed partial class ZmqSocket
{
    /// <summary>
    /// Takes the next received message if one is waiting (never blocks, allocates nothing). The caller
    /// owns the message and must dispose it. ROUTER: frame 0 is the sender's routing id.
    /// </summary>
    public bool TryReceive([NotNullWhen(true)] out ZmqMessage? message)
    {
        if (!_inbound.Reader.TryRead(out message))
        {
            return false;
        }

        Dequeued(message);
        return true;
    }

    /// <summary>
    /// Hot path: hands the next message to <paramref name="handler"/> (spans valid only during the
    /// call) and returns it to the pool afterwards. False when nothing was waiting.
    /// </summary>
    public bool TryReceive<TState>(ZmqMessageHandler<TState> handler, TState state)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!TryReceive(out var message))
        {
            return false;
        }

        using (message)
        {
            handler(message, state);
        }

        return true;
    }

    /// <summary>Completes with true when a message is waiting, false once the socket is disposed.</summary>
    public ValueTask<bool> WaitToReceiveAsync(CancellationToken cancellationToken = default) => _inbound.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>Waits for the next message. The caller owns it and must dispose it.</summary>
    /// <exception cref="ObjectDisposedException">The socket was disposed.</exception>
    public ValueTask<ZmqMessage> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        if (TryReceive(out var message))
        {
            return ValueTask.FromResult(message);
        }

        return ReceiveSlowAsync(cancellationToken);
    }

    private static void Dequeued(ZmqMessage message)
    {
        message.Source?.Dequeued();
        message.Source = null;
    }

    private async ValueTask<ZmqMessage> ReceiveSlowAsync(CancellationToken cancellationToken)
    {
        try
        {
            var message = await _inbound.Reader.ReadAsync(cancellationToken);
            Dequeued(message);
            return message;
        }
        catch (ChannelClosedException e)
        {
            throw new ObjectDisposedException(nameof(ZmqSocket), e);
        }
    }
}
