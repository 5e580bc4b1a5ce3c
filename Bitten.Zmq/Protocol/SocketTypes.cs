namespace Bitten.Zmq.Protocol;

/// <summary>Socket-Type names and the valid pairings of RFC 23 / RFC 37.</summary>
internal static class SocketTypes
{
    public static string Name(ZmqSocketType type) => type switch
    {
        ZmqSocketType.Pull => "PULL",
        ZmqSocketType.Push => "PUSH",
        ZmqSocketType.Pub => "PUB",
        ZmqSocketType.Sub => "SUB",
        ZmqSocketType.Router => "ROUTER",
        ZmqSocketType.Dealer => "DEALER",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unsupported socket type."),
    };

    /// <summary>True when a peer announcing <paramref name="peerType"/> may talk to a socket of <paramref name="ours"/>.</summary>
    public static bool AreCompatible(ZmqSocketType ours, string? peerType)
    {
        if (peerType is null)
        {
            return false;
        }

        return ours switch
        {
            ZmqSocketType.Pull => Is(peerType, "PUSH"),
            ZmqSocketType.Push => Is(peerType, "PULL"),
            ZmqSocketType.Pub => Is(peerType, "SUB") || Is(peerType, "XSUB"),
            ZmqSocketType.Sub => Is(peerType, "PUB") || Is(peerType, "XPUB"),
            ZmqSocketType.Router => Is(peerType, "REQ") || Is(peerType, "DEALER") || Is(peerType, "ROUTER"),
            ZmqSocketType.Dealer => Is(peerType, "REP") || Is(peerType, "DEALER") || Is(peerType, "ROUTER"),
            _ => false,
        };
    }

    private static bool Is(string value, string expected) => string.Equals(value, expected, StringComparison.Ordinal);
}
