namespace Bitten.Modules.Missions.Creation;

/// <summary>Milliseconds of one fan-out: per-user lookups and sizing, the batched insert, the announcements.</summary>
internal sealed record FanOutPhases(double SizeMs, double StoreMs, double AnnounceMs);
