using System.ComponentModel.DataAnnotations;

namespace Bitten.Contracts.Hosting;

/// <summary>
/// The EA-facing ZeroMQ endpoints (section <c>Zmq</c>, PROTOCOL "Sockets"). The server binds; EAs connect.
/// Loopback by default: terminals reach the ports through a tunnel or VPN.
/// </summary>
public sealed class ZmqOptions
{
    public const string SectionName = "Zmq";

    [Required(ErrorMessage = "Zmq:BindAddress is required (an IP address, default 127.0.0.1).")]
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>ROUTER for EA commands (hello, fire, close, ...).</summary>
    [Range(0, 65535, ErrorMessage = "Zmq:CommandPort must be 0-65535 (0 picks a free port).")]
    public int CommandPort { get; set; } = 5555;

    /// <summary>PULL for ticks, bars, symbols, heartbeats.</summary>
    [Range(0, 65535, ErrorMessage = "Zmq:FeedPort must be 0-65535 (0 picks a free port).")]
    public int FeedPort { get; set; } = 5556;

    /// <summary>PUB of signals (topic <c>signal.SYMBOL</c>).</summary>
    [Range(0, 65535, ErrorMessage = "Zmq:SignalPort must be 0-65535 (0 picks a free port).")]
    public int SignalPort { get; set; } = 5557;

    /// <summary>PULL for confirmations, close reports and pongs.</summary>
    [Range(0, 65535, ErrorMessage = "Zmq:ReportPort must be 0-65535 (0 picks a free port).")]
    public int ReportPort { get; set; } = 5558;

    /// <summary>PUB relay of ticks and closed bars (topics <c>tick.SYMBOL</c>, <c>bar.SYMBOL.TF</c>).</summary>
    [Range(0, 65535, ErrorMessage = "Zmq:MarketPort must be 0-65535 (0 picks a free port).")]
    public int MarketPort { get; set; } = 5560;

    /// <summary>Inbound frames above this size close the sending peer's connection unread.</summary>
    [Range(1024, 16 * 1024 * 1024, ErrorMessage = "Zmq:MaxMessageBytes must be between 1024 and 16777216.")]
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    public string Endpoint(int port) => $"tcp://{BindAddress}:{port}";
}
