namespace Bitten.Modules.Signals.Ingest;

/// <summary>Message types on the feed socket (PROTOCOL.md, EA → server on 5556).</summary>
internal enum EaMessageType
{
    Unknown = 0,
    Tick = 1,
    Bar = 2,
    Symbols = 3,
    Heartbeat = 4,
    Disconnect = 5,
}
