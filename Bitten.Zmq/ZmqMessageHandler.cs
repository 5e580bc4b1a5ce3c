namespace Bitten.Zmq;

/// <summary>Receives a message on the hot path; the message and its spans are valid only during the call.</summary>
public delegate void ZmqMessageHandler<in TState>(ZmqMessage message, TState state);
