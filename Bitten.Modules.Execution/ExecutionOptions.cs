using System.ComponentModel.DataAnnotations;

namespace Bitten.Modules.Execution;

/// <summary>Configuration of the Execution module (section <c>Modules:Execution</c>), validated at start.</summary>
internal sealed class ExecutionOptions
{
    public const string SectionName = "Modules:Execution";

    /// <summary>The only host environment in which <see cref="HoldOutbox"/> may be set.</summary>
    public const string TestingEnvironment = "Testing";

    /// <summary>Switches the whole module off (tests and partial deployments use this).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A sent fire without a confirmation after this long is UNCONFIRMED (PROTOCOL, default 10 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ErrorMessage = "Modules:Execution:ConfirmTimeout must be between 00:00:00.100 and 00:10:00 (default 00:00:10).")]
    public TimeSpan ConfirmTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>An EA without a heartbeat for this long is stale (PROTOCOL, default 30 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Modules:Execution:StaleAfter must be between 00:00:01 and 00:10:00 (default 00:00:30).")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest price drift from the signal's entry, in R, at which a fire is still allowed (DOMAIN §9, 0.3).</summary>
    [Range(0.0, 5.0, ErrorMessage = "Modules:Execution:MaxDriftR must be 0-5 (default 0.3).")]
    public decimal MaxDriftR { get; set; } = 0.3m;

    /// <summary>Daily loss cap in percent of start-of-day equity (DOMAIN §9, 6).</summary>
    [Range(0.1, 100.0, ErrorMessage = "Modules:Execution:DailyLossCapPercent must be 0.1-100 (default 6).")]
    public decimal DailyLossCapPercent { get; set; } = 6m;

    /// <summary>Consecutive losses that trigger the tilt block (DOMAIN §9, 3).</summary>
    [Range(1, 100, ErrorMessage = "Modules:Execution:TiltLosses must be 1-100 (default 3).")]
    public int TiltLosses { get; set; } = 3;

    /// <summary>How long the tilt guard blocks new fires after the last loss (DOMAIN §9, 60 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Modules:Execution:TiltBlock must be between 00:00:00 and 1.00:00:00 (default 01:00:00).")]
    public TimeSpan TiltBlock { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>Deviation in points the EA may accept on a market order.</summary>
    [Range(0, 10_000, ErrorMessage = "Modules:Execution:MaxDeviationPoints must be 0-10000 (default 20).")]
    public int MaxDeviationPoints { get; set; } = 20;

    /// <summary>
    /// EAs whose market is open at weekends (a paper EA on a simulated market, such as the embedded demo's simulator):
    /// the weekend guard does not refuse fires routed to them. Empty by default: every real terminal observes the weekend.
    /// </summary>
    public string[] WeekendOpenEas { get; set; } = [];

    /// <summary>How often the router looks at the outbox and confirmation deadlines when nothing wakes it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10", ErrorMessage = "Modules:Execution:PollInterval must be between 00:00:00.010 and 00:00:10 (default 00:00:00.250).")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often the BITMODE exit manager looks at open FANG fires (prices, ATR, the terminal's reports).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00", ErrorMessage = "Modules:Execution:BitmodeInterval must be between 00:00:00.010 and 00:01:00 (default 00:00:01).")]
    public TimeSpan BitmodeInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a BITMODE close/modify waits for the terminal to show it done before it is sent again (a partial close
    /// only when a heartbeat from after this long still shows the full volume).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00", ErrorMessage = "Modules:Execution:BitmodeAckTimeout must be between 00:00:00.050 and 00:10:00 (default 00:00:15).")]
    public TimeSpan BitmodeAckTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Sends of one BITMODE command before it is given up (a trail step is dropped; a partial close or stop-to-entry stops BITMODE for the fire).</summary>
    [Range(1, 100, ErrorMessage = "Modules:Execution:BitmodeMaxAttempts must be 1-100 (default 4).")]
    public int BitmodeMaxAttempts { get; set; } = 4;

    /// <summary>
    /// TEST-ONLY fault injection (default false; never set it in production): the router sends no fire, so accepted fires stay
    /// QUEUED in the outbox — the state a crash between queuing a fire and sending it leaves behind. The fault tests start the
    /// host with it, kill it (SIGKILL) and restart it without it to prove such a fire is sent exactly once. Validated at start:
    /// the host refuses to start with it unless its environment is <c>Testing</c> (<c>DOTNET_ENVIRONMENT=Testing</c>).
    /// </summary>
    public bool HoldOutbox { get; set; }
}
