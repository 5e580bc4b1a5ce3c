using System.Globalization;
using System.Net;

namespace Bitten.Zmq.Transport;

/// <summary>A parsed <c>tcp://host:port</c> endpoint (<c>*</c> = any address).</summary>
internal sealed record TcpEndpoint(string Host, int Port)
{
    public static TcpEndpoint Parse(string endpoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        const string Scheme = "tcp://";
        if (!endpoint.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Endpoint '{endpoint}' is not supported; expected tcp://host:port.", nameof(endpoint));
        }

        var rest = endpoint[Scheme.Length..];
        var colon = rest.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new ArgumentException($"Endpoint '{endpoint}' has no valid port; expected tcp://host:port.", nameof(endpoint));
        }

        return new TcpEndpoint(rest[..colon].Trim('[', ']'), port);
    }

    public IPAddress BindAddress()
    {
        if (Host is "*" or "0.0.0.0")
        {
            return IPAddress.Any;
        }

        if (IPAddress.TryParse(Host, out var address))
        {
            return address;
        }

        if (string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        return Dns.GetHostAddresses(Host)[0];
    }
}
