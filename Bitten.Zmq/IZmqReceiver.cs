namespace Bitten.Zmq;

/// <summary>
/// Takes a PULL or SUB socket's messages straight on its read loops (<see cref="ZmqSocketOptions.Receiver"/>)
/// instead of through the socket's receive queue: no message is queued, pooled or handed to another thread,
/// and the receiver learns where a burst ends (<see cref="OnBatchEnd"/>), so it can hand its results on once
/// per burst. Calls are serialised across peers (never two at once, and memory written in one call is seen by
/// the next). They run on the network's threads: a receiver must not block; while it runs, the socket reads
/// nothing (TCP back-pressure).
/// </summary>
public interface IZmqReceiver
{
    /// <summary>One complete message. The message and its spans are valid only during the call (the socket reuses it): do not dispose or keep it.</summary>
    void OnMessage(ZmqMessage message);

    /// <summary>Called after the messages already read from the network have been delivered, before the socket waits for more.</summary>
    void OnBatchEnd();
}
