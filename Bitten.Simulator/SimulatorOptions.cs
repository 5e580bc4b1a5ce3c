using System.ComponentModel.DataAnnotations;

namespace Bitten.Simulator;

/// <summary>Configuration of the built-in paper EA (section <c>Simulator</c>).</summary>
internal sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>Runs the simulator inside the host. Null: on when no real feed EA is configured (Modules:Signals:FeedSources empty or only this EA).</summary>
    public bool? Enabled { get; set; }

    [Required(ErrorMessage = "Simulator:EaId is required (3-64 characters [A-Za-z0-9_.-]).")]
    [RegularExpression("^[A-Za-z0-9_.-]{3,64}$", ErrorMessage = "Simulator:EaId must be 3-64 characters [A-Za-z0-9_.-].")]
    public string EaId { get; set; } = "sim-ea-1";

    /// <summary>The EA's secret. Required when Enabled is true; when the simulator is on by default a random one is made at start.</summary>
    public string? EaToken { get; set; }

    public int Seed { get; set; } = 42;

    /// <summary>Simulated time runs this many times faster than the wall clock.</summary>
    [Range(1.0, 1000.0, ErrorMessage = "Simulator:Speed must be between 1 and 1000.")]
    public double Speed { get; set; } = 1;

    /// <summary>Simulated start time (UTC); null starts now. A start inside the weekend waits for Sunday 22:00 UTC unless <see cref="OpenAtWeekends"/>.</summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>
    /// History generated before the start, at <see cref="WarmUpSpeed"/>, so candles, indicators and detectors are warm
    /// when the clock reaches the start (then it runs at <see cref="Speed"/>). Null: 3 hours when the simulator is on by
    /// default (the embedded demo), none otherwise. Signals found in the warm-up are in the past: stored, but expired.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00", ErrorMessage = "Simulator:WarmUp must be between 00:00:00 and 7.00:00:00.")]
    public TimeSpan? WarmUp { get; set; }

    /// <summary>How many times faster than the wall clock the warm-up runs.</summary>
    [Range(2.0, 100_000.0, ErrorMessage = "Simulator:WarmUpSpeed must be between 2 and 100000.")]
    public double WarmUpSpeed { get; set; } = 1_000;

    /// <summary>
    /// Keeps the synthetic market open through the weekend (the real FX market is closed Friday 21:00 to Sunday 22:00 UTC).
    /// Null: on when the simulator is on by default (the embedded demo, so a newcomer sees it work on a Saturday), off otherwise.
    /// When on, the host treats this EA's market as open at weekends (Signals detect, Execution does not refuse fires to it).
    /// </summary>
    public bool? OpenAtWeekends { get; set; }

    /// <summary>
    /// Symbols to quote; empty (the default) means the ten active symbols of DOMAIN §1 plus the reserve EURGBP and AUDJPY.
    /// Empty by default because configuration binding appends to a non-empty default array instead of replacing it.
    /// </summary>
    public string[] Symbols { get; set; } = [];

    /// <summary>Typical in-session spread per symbol in pips (overrides the built-in defaults); widened off-session.</summary>
    public Dictionary<string, double> SpreadPips { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Mean ticks per simulated second per symbol in the New York session (overrides the defaults); scaled by session.</summary>
    public Dictionary<string, double> TicksPerSecond { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adverse slippage of every market fill, in points.</summary>
    [Range(0, 1000, ErrorMessage = "Simulator:SlippagePoints must be 0-1000.")]
    public int SlippagePoints { get; set; } = 1;

    [Range(typeof(decimal), "1", "1000000000", ErrorMessage = "Simulator:StartingBalance must be between 1 and 1000000000.")]
    public decimal StartingBalance { get; set; } = 10_000m;

    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "Simulator:Currency must be a three-letter ISO code such as USD.")]
    public string Currency { get; set; } = "USD";

    [Range(1, 3000, ErrorMessage = "Simulator:Leverage must be 1-3000.")]
    public int Leverage { get; set; } = 100;

    /// <summary>Suffix of the broker's symbol names (EURUSD.sim), reported in <c>symbols</c> so the server's mapping is exercised.</summary>
    public string BrokerSuffix { get; set; } = ".sim";

    /// <summary>Where the host's ZeroMQ ports are reached (the ports come from the host's bound endpoints).</summary>
    [Required(ErrorMessage = "Simulator:ConnectAddress is required (default 127.0.0.1).")]
    public string ConnectAddress { get; set; } = "127.0.0.1";

    [Range(1, 3600, ErrorMessage = "Simulator:HeartbeatSeconds must be 1-3600 (PROTOCOL: every 10 s).")]
    public int HeartbeatSeconds { get; set; } = 10;

    [Range(1, 3600, ErrorMessage = "Simulator:HelloRetrySeconds must be 1-3600 (PROTOCOL: 30 s).")]
    public int HelloRetrySeconds { get; set; } = 30;
}
