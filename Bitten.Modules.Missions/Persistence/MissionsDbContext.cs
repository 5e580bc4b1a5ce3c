using Bitten.Modules.Missions.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bitten.Modules.Missions.Persistence;

/// <summary>The Missions module's own database (missions.db); no other module reads it.</summary>
internal sealed class MissionsDbContext(DbContextOptions<MissionsDbContext> options) : DbContext(options)
{
    private static readonly HashSet<string> OriginalColumns =
        [nameof(MissionRecord.Id), nameof(MissionRecord.UserId), nameof(MissionRecord.SignalId), nameof(MissionRecord.Status), nameof(MissionRecord.CreatedAtMs), nameof(MissionRecord.ExpiresAtMs)];

    public DbSet<MissionRecord> Missions => Set<MissionRecord>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        // fireable defaults to false in the table; EF's warning about bool defaults does not apply (missions are written by MissionWriter).
        optionsBuilder.ConfigureWarnings(w => w.Ignore(RelationalEventId.BoolWithDefaultWarning));

    private static object DefaultOf(Type type) => type switch
    {
        _ when type == typeof(string) => string.Empty,
        _ when type == typeof(long) => 0L,
        _ when type == typeof(int) => 0,
        _ when type == typeof(decimal) => 0m,
        _ when type == typeof(double) => 0.0,
        _ when type == typeof(bool) => false,
        _ => throw new InvalidOperationException($"No default for {type}."),
    };

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MissionRecord>(e =>
        {
            e.ToTable("missions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").HasMaxLength(26);
            e.Property(x => x.UserId).HasColumnName("user_id");
            e.Property(x => x.SignalId).HasColumnName("signal_id").HasMaxLength(26);
            e.Property(x => x.Status).HasColumnName("status");
            e.Property(x => x.CreatedAtMs).HasColumnName("created_at_ms");
            e.Property(x => x.ExpiresAtMs).HasColumnName("expires_at_ms");
            e.Property(x => x.UpdatedAtMs).HasColumnName("updated_at_ms");
            e.Property(x => x.Symbol).HasColumnName("symbol").HasMaxLength(16);
            e.Property(x => x.Side).HasColumnName("side");
            e.Property(x => x.Pattern).HasColumnName("pattern").HasMaxLength(64);
            e.Property(x => x.Timeframe).HasColumnName("timeframe");
            e.Property(x => x.Entry).HasColumnName("entry");
            e.Property(x => x.StopLoss).HasColumnName("stop_loss");
            e.Property(x => x.TakeProfit).HasColumnName("take_profit");
            e.Property(x => x.StopPips).HasColumnName("stop_pips");
            e.Property(x => x.TargetPips).HasColumnName("target_pips");
            e.Property(x => x.RiskReward).HasColumnName("risk_reward");
            e.Property(x => x.Confidence).HasColumnName("confidence");
            e.Property(x => x.ShieldScore).HasColumnName("shield_score");
            e.Property(x => x.ShieldClass).HasColumnName("shield_class");
            e.Property(x => x.ShieldMultiplier).HasColumnName("shield_multiplier");
            e.Property(x => x.WinProbability).HasColumnName("win_probability");
            e.Property(x => x.ExpectedValueR).HasColumnName("expected_value_r");
            e.Property(x => x.Session).HasColumnName("session");
            e.Property(x => x.SignalClass).HasColumnName("signal_class").HasMaxLength(16);
            e.Property(x => x.SignalCreatedAtMs).HasColumnName("signal_created_at_ms");
            e.Property(x => x.Volume).HasColumnName("volume");
            e.Property(x => x.RiskMoney).HasColumnName("risk_money");
            e.Property(x => x.RewardMoney).HasColumnName("reward_money");
            e.Property(x => x.RiskPercent).HasColumnName("risk_percent");
            e.Property(x => x.Balance).HasColumnName("balance");
            e.Property(x => x.AccountCurrency).HasColumnName("account_currency").HasMaxLength(8);
            e.Property(x => x.ValueSource).HasColumnName("value_source").HasMaxLength(16);
            e.Property(x => x.Fireable).HasColumnName("fireable");
            e.Property(x => x.NotFireableCode).HasColumnName("not_fireable_code");
            e.Property(x => x.NotFireableReason).HasColumnName("not_fireable_reason");
            e.Property(x => x.FireId).HasColumnName("fire_id").HasMaxLength(26);
            e.Property(x => x.FireSource).HasColumnName("fire_source");
            e.Property(x => x.StatusReason).HasColumnName("status_reason");
            e.Property(x => x.FillPrice).HasColumnName("fill_price");
            e.Property(x => x.FilledVolume).HasColumnName("filled_volume");
            e.Property(x => x.Profit).HasColumnName("profit");
            e.Property(x => x.ResultR).HasColumnName("result_r");
            e.Property(x => x.TradeResult).HasColumnName("trade_result");
            e.Property(x => x.ClosedAtMs).HasColumnName("closed_at_ms");
            e.Property(x => x.AnnouncedAtMs).HasColumnName("announced_at_ms");
            // Columns beyond the first six carry defaults, so a row written with only those (older tools,
            // the host's backup test) is still a valid mission.
            foreach (var property in e.Metadata.GetProperties().Where(p => !p.IsNullable && !OriginalColumns.Contains(p.Name)))
            {
                property.SetDefaultValue(DefaultOf(property.ClrType));
            }

            // One mission per (user, signal); signal first, so the same index answers "who already has this signal's mission".
            e.HasIndex(x => new { x.SignalId, x.UserId }).HasDatabaseName("ux_missions_signal_user").IsUnique();
            e.HasIndex(x => new { x.Status, x.ExpiresAtMs }).HasDatabaseName("ix_missions_status_expires");
            e.HasIndex(x => new { x.UserId, x.CreatedAtMs }).HasDatabaseName("ix_missions_user_created");
            e.HasIndex(x => x.CreatedAtMs).HasDatabaseName("ix_missions_unannounced").HasFilter("announced_at_ms IS NULL");
        });
    }
}
