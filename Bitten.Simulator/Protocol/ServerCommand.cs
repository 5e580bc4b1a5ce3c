using Bitten.Simulator.Broker;

namespace Bitten.Simulator.Protocol;

/// <summary>The server → EA message types of PROTOCOL.md. Explicit values.</summary>
internal enum ServerCommandType
{
    Unknown = 0,
    HelloAck = 1,
    Fire = 2,
    Close = 3,
    Modify = 4,
    CloseAll = 5,
    Ping = 6,
}

/// <summary>One parsed command from the ROUTER, or the reason it could not be read; <see cref="CommandId"/> is the server's optional id of a close or modify.</summary>
internal sealed record ServerCommand(ServerCommandType Type, FireOrder? Fire = null, string? FireId = null, long Position = 0, decimal? Volume = null,
    decimal Sl = 0, decimal Tp = 0, string? PingId = null, bool Ok = false, string? Error = null, string? CommandId = null);
