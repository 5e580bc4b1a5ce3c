namespace Bitten.Zmq;

/// <summary>A send that could not complete: unknown ROUTER routing id, or no peer / full queues until <see cref="ZmqSocketOptions.SendTimeout"/>.</summary>
public sealed class ZmqException : Exception
{
    public ZmqException()
    {
    }

    public ZmqException(string message)
        : base(message)
    {
    }

    public ZmqException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ZmqException(ZmqSendResult result, string message)
        : base(message) => Result = result;

    /// <summary>The send outcome that caused the exception.</summary>
    public ZmqSendResult Result { get; }
}
