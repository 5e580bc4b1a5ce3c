using System.ComponentModel.DataAnnotations;

namespace Bitten.Modules.Signals;

/// <summary>Configuration of the Signals module (section <c>Modules:Signals</c>), validated at start.</summary>
internal sealed class SignalsOptions
{
    public const string SectionName = "Modules:Signals";

    /// <summary>Switches the whole module off (tests and partial deployments use this).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Symbols that produce signals (DOMAIN §1).</summary>
    [MinLength(1, ErrorMessage = "Modules:Signals:ActiveSymbols needs at least one symbol.")]
    public string[] ActiveSymbols { get; set; } = ["EURUSD", "GBPUSD", "USDJPY", "USDCHF", "AUDUSD", "USDCAD", "NZDUSD", "EURJPY", "GBPJPY", "XAUUSD"];

    /// <summary>Symbols ingested and charted without signals.</summary>
    public string[] ReserveSymbols { get; set; } = ["EURGBP", "AUDJPY"];

    /// <summary>
    /// EAs whose ticks drive candles and signals (PROTOCOL: "a feed EA ... must also be listed as a feed
    /// source"). Other authenticated EAs may send heartbeats and symbol specs on the feed socket; their ticks are dropped.
    /// </summary>
    public string[] FeedSources { get; set; } = [];

    /// <summary>Used only when the Users module is off: ea_id → ea_token pairs accepted on the feed socket.</summary>
    public Dictionary<string, string> FeedCredentials { get; set; } = new(StringComparer.Ordinal);

    [Range(0, 60_000, ErrorMessage = "Modules:Signals:CloseGraceMs must be 0-60000 (DOMAIN §2 Candles:CloseGrace, default 2000).")]
    public int CloseGraceMs { get; set; } = 2_000;

    [Range(1, 1_440, ErrorMessage = "Modules:Signals:GapMinutes must be 1-1440.")]
    public int GapMinutes { get; set; } = 15;

    [Range(0.1, 10_000, ErrorMessage = "Modules:Signals:MaxSpreadPips must be 0.1-10000.")]
    public double MaxSpreadPips { get; set; } = 50;

    [Range(1, 1_000, ErrorMessage = "Modules:Signals:MaxJumpAtr must be 1-1000.")]
    public double MaxJumpAtr { get; set; } = 8;

    [Range(1.0, 10, ErrorMessage = "Modules:Signals:RiskReward must be 1-10.")]
    public double RiskReward { get; set; } = 1.5;

    [Range(-1, 5, ErrorMessage = "Modules:Signals:MinExpectedValueR must be between -1 and 5.")]
    public double MinExpectedValueR { get; set; }

    [Range(1, 1_440, ErrorMessage = "Modules:Signals:SignalTtlMinutes must be 1-1440 (DOMAIN §9 MissionTtl).")]
    public int SignalTtlMinutes { get; set; } = 15;

    [Range(1, 168, ErrorMessage = "Modules:Signals:OutcomeTimeoutHours must be 1-168.")]
    public int OutcomeTimeoutHours { get; set; } = 4;

    [Range(1, 3_600, ErrorMessage = "Modules:Signals:StaleAfterSeconds must be 1-3600 (DOMAIN §9 feed staleness).")]
    public int StaleAfterSeconds { get; set; } = 60;

    [Range(0, 100, ErrorMessage = "Modules:Signals:InitialThreshold must be 0-100.")]
    public double InitialThreshold { get; set; } = 72;

    [Range(0, 100, ErrorMessage = "Modules:Signals:MinThreshold must be 0-100.")]
    public double MinThreshold { get; set; } = 70;

    [Range(0, 100, ErrorMessage = "Modules:Signals:MaxThreshold must be 0-100.")]
    public double MaxThreshold { get; set; } = 78;

    [Range(1, 10_000, ErrorMessage = "Modules:Signals:TargetSignalsPerDay must be 1-10000.")]
    public double TargetSignalsPerDay { get; set; } = 65;

    [Range(0, 1, ErrorMessage = "Modules:Signals:MinWinRate must be 0-1.")]
    public double MinWinRate { get; set; } = 0.40;

    /// <summary>Quartz cron (UTC) of the adaptive threshold review (DOMAIN §6: every 4 hours).</summary>
    public string ThresholdReviewCron { get; set; } = "0 0 0/4 * * ?";

    /// <summary>Quartz cron (UTC) of the ML model retraining (DOMAIN §7: daily at 00:30).</summary>
    public string ModelTrainingCron { get; set; } = "0 30 0 * * ?";

    /// <summary>Days of resolved signals the ML model trains on (DOMAIN §7: the last 180).</summary>
    [Range(1, 3_650, ErrorMessage = "Modules:Signals:ModelTrainingDays must be 1-3650.")]
    public int ModelTrainingDays { get; set; } = 180;

    /// <summary>Bounded hand-off from ingest to the engine; ticks beyond it are dropped and counted.</summary>
    [Range(1_000, 10_000_000, ErrorMessage = "Modules:Signals:TickQueueCapacity must be 1000-10000000.")]
    public int TickQueueCapacity { get; set; } = 100_000;

    /// <summary>M5 bars per symbol reloaded at start so detectors are warm (DOMAIN §2).</summary>
    [Range(0, 10_000, ErrorMessage = "Modules:Signals:WarmBars must be 0-10000.")]
    public int WarmBars { get; set; } = 300;

    /// <summary>
    /// Detect on bars that close inside the weekend window (Friday 21:00 to Sunday 22:00 UTC). Off for real markets;
    /// the embedded demo turns it on because its simulated market stays open (Simulator:OpenAtWeekends).
    /// </summary>
    public bool SignalsAtWeekends { get; set; }

    /// <summary>
    /// Lets an admin force test signals (<c>POST /api/admin/signals/test</c>) for load runs and drills. A test signal is
    /// a real signal: stored, published, turned into missions for every user and fireable. Off in production.
    /// </summary>
    public bool TestSignals { get; set; }
}
