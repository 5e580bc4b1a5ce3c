using System.ComponentModel.DataAnnotations;

namespace Bitten.Modules.Missions;

/// <summary>Configuration of the Missions module (section <c>Modules:Missions</c>), validated at start.</summary>
internal sealed class MissionsOptions
{
    public const string SectionName = "Modules:Missions";

    /// <summary>Switches the whole module off (tests and partial deployments use this).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Risk per trade in percent of balance when the user has not set one (DOMAIN §9, 2 %).</summary>
    [Range(0.01, 100, ErrorMessage = "Modules:Missions:DefaultRiskPercent must be 0.01-100 (percent of balance, default 2).")]
    public decimal DefaultRiskPercent { get; set; } = 2m;

    /// <summary>Daily loss cap in percent of start-of-day equity (DOMAIN §9, 6 %): a mission never risks more than what is left of it.</summary>
    [Range(0.1, 100, ErrorMessage = "Modules:Missions:DailyLossCapPercent must be 0.1-100 (percent of start-of-day equity, default 6).")]
    public decimal DailyLossCapPercent { get; set; } = 6m;

    /// <summary>After a daily loss of this many percent the risk per trade halves (DOMAIN §9, 4 %); 0 switches it off.</summary>
    [Range(0, 100, ErrorMessage = "Modules:Missions:HalveRiskAfterDailyLossPercent must be 0-100 (0 = off, default 4).")]
    public decimal HalveRiskAfterDailyLossPercent { get; set; } = 4m;

    /// <summary>Mission lifetime when the signal carries no usable expiry (DOMAIN §9 MissionTtl, 15 minutes).</summary>
    [Range(1, 1_440, ErrorMessage = "Modules:Missions:MissionTtlMinutes must be 1-1440 (default 15).")]
    public int MissionTtlMinutes { get; set; } = 15;

    /// <summary>Volume limits used when the user's broker has not reported the symbol.</summary>
    [Range(0.0001, 1_000, ErrorMessage = "Modules:Missions:DefaultVolumeMin must be 0.0001-1000 lots (default 0.01).")]
    public decimal DefaultVolumeMin { get; set; } = 0.01m;

    [Range(0.0001, 1_000, ErrorMessage = "Modules:Missions:DefaultVolumeStep must be 0.0001-1000 lots (default 0.01).")]
    public decimal DefaultVolumeStep { get; set; } = 0.01m;

    [Range(0.01, 1_000_000, ErrorMessage = "Modules:Missions:DefaultVolumeMax must be 0.01-1000000 lots (default 100).")]
    public decimal DefaultVolumeMax { get; set; } = 100m;

    /// <summary>Quartz cron (UTC) of the expiry sweep (PENDING past expires_at → EXPIRED).</summary>
    [Required(ErrorMessage = "Modules:Missions:ExpirySweepCron is required (a Quartz cron expression, default \"0/5 * * * * ?\").")]
    public string ExpirySweepCron { get; set; } = "0/5 * * * * ?";

    /// <summary>A stored mission not yet announced after this long is announced again (crash recovery).</summary>
    [Range(1, 3_600, ErrorMessage = "Modules:Missions:ReannounceAfterSeconds must be 1-3600 (default 30).")]
    public int ReannounceAfterSeconds { get; set; } = 30;

    /// <summary>Published signals waiting for their fan-out; when full, the Signals publisher waits for room.</summary>
    [Range(1, 100_000, ErrorMessage = "Modules:Missions:FanOutQueueCapacity must be 1-100000 (default 1000).")]
    public int FanOutQueueCapacity { get; set; } = 1_000;

    /// <summary>At start, signals stored this far back (and not expired) without any mission are fanned out (crash catch-up).</summary>
    [Range(1, 10_080, ErrorMessage = "Modules:Missions:CatchUpLookbackMinutes must be 1-10080 (default 1440).")]
    public int CatchUpLookbackMinutes { get; set; } = 1_440;

    /// <summary>
    /// A mission FIRING, SENT or UNCONFIRMED this long (and not being fired by this process) is checked against Execution's
    /// fires: crash recovery for a fire that was never created or whose announcement was lost (default 10).
    /// </summary>
    [Range(1, 3_600, ErrorMessage = "Modules:Missions:FiringReconcileAfterSeconds must be 1-3600 (default 10).")]
    public int FiringReconcileAfterSeconds { get; set; } = 10;

    /// <summary>How often the live stream pushes prices of the symbols a connected user has open.</summary>
    [Range(1, 60, ErrorMessage = "Modules:Missions:StreamPriceSeconds must be 1-60 (default 1).")]
    public int StreamPriceSeconds { get; set; } = 1;

    /// <summary>Missions expired (and re-announced) per sweep transaction (keeps the write lock short).</summary>
    [Range(1, 100_000, ErrorMessage = "Modules:Missions:ExpirySweepBatch must be 1-100000 (default 500).")]
    public int ExpirySweepBatch { get; set; } = 500;

    /// <summary>Health shows PENDING missions expiring within this many seconds.</summary>
    [Range(1, 3_600, ErrorMessage = "Modules:Missions:ExpiringSoonSeconds must be 1-3600 (default 60).")]
    public int ExpiringSoonSeconds { get; set; } = 60;

    /// <summary>Seconds between SSE heartbeat comments on <c>/api/stream</c>.</summary>
    [Range(1, 300, ErrorMessage = "Modules:Missions:StreamHeartbeatSeconds must be 1-300 (default 15).")]
    public int StreamHeartbeatSeconds { get; set; } = 15;

    /// <summary>Recent events kept per user for <c>Last-Event-ID</c> resumption.</summary>
    [Range(1, 10_000, ErrorMessage = "Modules:Missions:StreamReplayPerUser must be 1-10000 (default 100).")]
    public int StreamReplayPerUser { get; set; } = 100;

    /// <summary>
    /// Replayable events older than this are dropped (default 15, the default mission lifetime: an older mission frame
    /// replays nothing the client can still act on; a client that missed dropped events is told to resync).
    /// </summary>
    [Range(1, 1_440, ErrorMessage = "Modules:Missions:StreamReplayMaxAgeMinutes must be 1-1440 (default 15).")]
    public int StreamReplayMaxAgeMinutes { get; set; } = 15;

    /// <summary>Memory all users' replay rings may hold together; beyond it the oldest events of any user are dropped first.</summary>
    [Range(1, 4_096, ErrorMessage = "Modules:Missions:StreamReplayBudgetMegabytes must be 1-4096 (default 64).")]
    public int StreamReplayBudgetMegabytes { get; set; } = 64;

    /// <summary>Events queued per connection before a slow client is dropped (it reconnects and resumes).</summary>
    [Range(1, 100_000, ErrorMessage = "Modules:Missions:StreamClientQueue must be 1-100000 (default 256).")]
    public int StreamClientQueue { get; set; } = 256;

    /// <summary>Open stream connections in total; more answer 503.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Modules:Missions:MaxStreamClients must be 1-1000000 (default 20000).")]
    public int MaxStreamClients { get; set; } = 20_000;

    /// <summary>Open stream connections per user; more answer 429.</summary>
    [Range(1, 1_000, ErrorMessage = "Modules:Missions:MaxStreamsPerUser must be 1-1000 (default 8).")]
    public int MaxStreamsPerUser { get; set; } = 8;
}
