namespace Bitten.Zmq;

/// <summary>ZeroMQ socket types as named in the ZMTP <c>Socket-Type</c> property.</summary>
public enum ZmqSocketType
{
    Unknown = 0,
    Pull = 1,
    Push = 2,
    Pub = 3,
    Sub = 4,
    Router = 5,
    Dealer = 6,
}
