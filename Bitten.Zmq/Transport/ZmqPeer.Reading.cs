using System.Buffers.Binary;
using Bitten.Zmq.Protocol;

namespace Bitten.Zmq.Transport;

internal sealed partial class ZmqPeer
{
    private readonly ResumeGate _resume = new();
    private ZmqMessage? _pending;
    private int _pendingFrames;
    private int _waitingForApplication;
    private ZmqMessage? _inline;
    private bool _inlineHeld;

    /// <summary>
    /// Parses frames straight out of the receive buffer; a frame larger than the buffer is read into the message's memory.
    /// With a <see cref="ZmqSocketOptions.Receiver"/>, messages are handed to it here, under the socket's receiver gate,
    /// which is taken at the first message of a burst and released (after <see cref="IZmqReceiver.OnBatchEnd"/>)
    /// before every wait for the network and on every way out, always on the thread that took it.
    /// </summary>
    private async Task ReadLoopAsync()
    {
        try
        {
            await ReadFramesAsync();
        }
        finally
        {
            EndInlineBatch();
        }
    }

    private async Task ReadFramesAsync()
    {
        var maxMessageBytes = (ulong)_owner.Options.MaxMessageBytes;
        var maxFrames = _owner.Options.MaxFramesPerMessage;
        var token = CancellationToken.None;
        while (true)
        {
            var headerLength = TryReadHeader(out var flags, out var size);
            if (headerLength == 0)
            {
                if (!await FillAsync(_end - _pos + 1, token))
                {
                    EndOfStream();
                    return;
                }

                continue;
            }

            if ((flags & Zmtp.ReservedFlags) != 0)
            {
                Close(ZmqDropReason.ProtocolError);
                return;
            }

            var available = _end - _pos;
            if ((flags & Zmtp.FlagCommand) != 0)
            {
                if ((flags & Zmtp.FlagMore) != 0 || _pending is not null)
                {
                    Close(ZmqDropReason.ProtocolError);
                    return;
                }

                if (size > (ulong)(_buffer.Length - 9) || size > maxMessageBytes)
                {
                    Close(ZmqDropReason.MessageTooLarge);
                    return;
                }

                if ((ulong)available < (ulong)headerLength + size)
                {
                    if (!await FillAsync(headerLength + (int)size, token))
                    {
                        EndOfStream();
                        return;
                    }

                    continue;
                }

                var command = _buffer.AsSpan(_pos + headerLength, (int)size);
                _pos += headerLength + (int)size;
                if (!HandleCommand(command))
                {
                    return;
                }

                continue;
            }

            // checked on the announced size: an oversized frame is never allocated
            if (size > maxMessageBytes)
            {
                Close(ZmqDropReason.MessageTooLarge);
                return;
            }

            var length = (int)size;
            if (available < headerLength + length && headerLength + length <= _buffer.Length)
            {
                if (!await FillAsync(headerLength + length, token))
                {
                    EndOfStream();
                    return;
                }

                continue;
            }

            if (_pending is null)
            {
                if (_owner.Receiver is not null)
                {
                    _inline ??= ZmqMessage.Create();
                    _inline.Clear();
                    _pending = _inline;
                }
                else
                {
                    _pending = ZmqMessage.Create();
                }

                _pendingFrames = 0;
                if (_owner.Type == ZmqSocketType.Router)
                {
                    _pending.Append(RoutingId);
                }
            }

            if (++_pendingFrames > maxFrames)
            {
                Close(ZmqDropReason.MessageTooLarge);
                return;
            }

            if (available >= headerLength + length)
            {
                _pending.Append(_buffer.AsSpan(_pos + headerLength, length));
                _pos += headerLength + length;
            }
            else if (!await ReadLargeFrameAsync(headerLength, length))
            {
                Close(ZmqDropReason.Truncated);
                return;
            }

            if ((flags & Zmtp.FlagMore) == 0)
            {
                var message = _pending;
                _pending = null;
                if (_owner.Receiver is { } receiver)
                {
                    if (!DeliverInline(receiver, message))
                    {
                        return;
                    }
                }
                else if (!await DeliverAsync(message))
                {
                    return;
                }
            }
        }
    }

    /// <summary>The peer closed: a clean close between messages is no drop, anything partial is.</summary>
    private void EndOfStream() => Close(_end > _pos || _pending is not null ? ZmqDropReason.Truncated : null);

    private async ValueTask<bool> ReadLargeFrameAsync(int headerLength, int length)
    {
        EndInlineBatch();
        _pos += headerLength;
        var destination = _pending!.AppendUninitialized(length);
        var buffered = _end - _pos;
        _buffer.AsSpan(_pos, buffered).CopyTo(destination.Span);
        _pos = _end = 0;
        destination = destination[buffered..];
        while (!destination.IsEmpty)
        {
            var read = await _wire.ReceiveAsync(destination, CancellationToken.None);
            if (read == 0)
            {
                return false;
            }

            destination = destination[read..];
            Volatile.Write(ref _lastReceived, Environment.TickCount64);
        }

        return true;
    }

    /// <summary>Hands a complete message to the inline receiver (the message is reused for the next one).</summary>
    private bool DeliverInline(IZmqReceiver receiver, ZmqMessage message)
    {
        if (_owner.Type == ZmqSocketType.Sub && !_owner.LocalSubscriptions.Matches(message[0]))
        {
            return true;
        }

        message.ConnectionId = ConnectionId;
        if (!_inlineHeld)
        {
            _owner.ReceiverGate.Enter();
            _inlineHeld = true;
        }

        _owner.Counters.ReceivedExclusive(message.TotalBytes);

        try
        {
            receiver.OnMessage(message);
            return true;
        }
        catch (Exception)
        {
            // a receiver that throws loses this connection, counted; the gate is released on this thread
            EndInlineBatch();
            Close(ZmqDropReason.ReceiverFailed);
            return false;
        }
    }

    /// <summary>Ends the receiver's burst: <see cref="IZmqReceiver.OnBatchEnd"/>, then the gate is released (no-op when not held).</summary>
    private void EndInlineBatch()
    {
        if (!_inlineHeld)
        {
            return;
        }

        _inlineHeld = false;
        try
        {
            _owner.Receiver!.OnBatchEnd();
        }
        finally
        {
            _owner.ReceiverGate.Exit();
        }
    }

    private ValueTask<bool> DeliverAsync(ZmqMessage message)
    {
        switch (_owner.Type)
        {
            case ZmqSocketType.Pub:
                var body = message[0];
                if (message.FrameCount == 1 && body.Length >= 1 && body[0] <= 1)
                {
                    ApplySubscription(body[0] == 1, body[1..]);
                }
                else
                {
                    _owner.Counters.Drop(ZmqDropReason.UnexpectedMessage);
                }

                message.Dispose();
                return ValueTask.FromResult(true);
            case ZmqSocketType.Push:
                _owner.Counters.Drop(ZmqDropReason.UnexpectedMessage);
                message.Dispose();
                return ValueTask.FromResult(true);
            case ZmqSocketType.Sub when !_owner.LocalSubscriptions.Matches(message[0]):
                message.Dispose();
                return ValueTask.FromResult(true);
        }

        _owner.Counters.Received(message.TotalBytes);
        message.Source = this;
        message.ConnectionId = ConnectionId;
        var waiting = Interlocked.Increment(ref _waitingForApplication);
        if (!_owner.Inbound.TryWrite(message))
        {
            message.Dispose();
            return ValueTask.FromResult(false);
        }

        return waiting < _receiveHighWaterMark ? ValueTask.FromResult(true) : PauseAsync();
    }

    /// <summary>The application holds this peer's HWM of messages: stop reading it (TCP back-pressure) until it takes some.</summary>
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> PauseAsync()
    {
        while (Volatile.Read(ref _waitingForApplication) >= _receiveHighWaterMark && !IsClosed)
        {
            await _resume.WaitAsync();
        }

        return !IsClosed;
    }

    /// <summary>Called when the application takes one of this peer's messages.</summary>
    public void Dequeued()
    {
        if (Interlocked.Decrement(ref _waitingForApplication) == _receiveHighWaterMark - 1)
        {
            _resume.Release();
        }
    }

    private bool HandleCommand(ReadOnlySpan<byte> body)
    {
        if (!Zmtp.TrySplitCommand(body, out var name, out var data))
        {
            Close(ZmqDropReason.ProtocolError);
            return false;
        }

        if (name.SequenceEqual("PING"u8))
        {
            if (data.Length < 2 || data.Length > 18)
            {
                Close(ZmqDropReason.ProtocolError);
                return false;
            }

            Volatile.Write(ref _remoteTtlMs, BinaryPrimitives.ReadUInt16BigEndian(data) * 100);
            EnqueueCommand(Zmtp.Command("PONG"u8, data[2..]));
        }
        else if (name.SequenceEqual("PONG"u8))
        {
            _owner.Counters.Pong();
        }
        else if (name.SequenceEqual("SUBSCRIBE"u8))
        {
            ApplySubscription(subscribe: true, data);
        }
        else if (name.SequenceEqual("CANCEL"u8))
        {
            ApplySubscription(subscribe: false, data);
        }
        else if (name.SequenceEqual("ERROR"u8))
        {
            Close(ZmqDropReason.PeerError);
            return false;
        }
        else if (name.SequenceEqual("READY"u8))
        {
            Close(ZmqDropReason.ProtocolError);
            return false;
        }

        // PONG and unknown commands only prove liveness
        return true;
    }

    private void ApplySubscription(bool subscribe, ReadOnlySpan<byte> topic)
    {
        if (_owner.Type != ZmqSocketType.Pub)
        {
            return;
        }

        if (subscribe)
        {
            _subscriptions.Add(topic);
        }
        else
        {
            _subscriptions.Remove(topic);
        }
    }
}
