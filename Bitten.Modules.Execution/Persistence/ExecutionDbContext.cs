using Bitten.Modules.Execution.AutoFire;
using Bitten.Modules.Execution.Bitmode;
using Bitten.Modules.Execution.Fires;
using Bitten.Modules.Execution.Guards;
using Bitten.Modules.Execution.Registry;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Execution.Persistence;

/// <summary>The Execution module's own database (execution.db); no other module reads it.</summary>
internal sealed class ExecutionDbContext(DbContextOptions<ExecutionDbContext> options) : DbContext(options)
{
    public DbSet<EaRecord> Eas => Set<EaRecord>();

    public DbSet<EaSymbolRecord> EaSymbols => Set<EaSymbolRecord>();

    public DbSet<EaPositionRecord> EaPositions => Set<EaPositionRecord>();

    public DbSet<FireRecord> Fires => Set<FireRecord>();

    public DbSet<FireEventRecord> FireEvents => Set<FireEventRecord>();

    public DbSet<OutboxRecord> Outbox => Set<OutboxRecord>();

    public DbSet<RuntimeSwitchRecord> RuntimeSwitches => Set<RuntimeSwitchRecord>();

    public DbSet<AutoFireRecord> AutoFires => Set<AutoFireRecord>();

    public DbSet<PartialCloseRecord> PartialCloses => Set<PartialCloseRecord>();

    public DbSet<ExitPlanRecord> ExitPlans => Set<ExitPlanRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<EaRecord>(e =>
        {
            e.ToTable("eas");
            e.HasKey(x => x.EaId);
            e.Property(x => x.EaId).HasColumnName("ea_id").HasMaxLength(64);
            e.Property(x => x.UserId).HasColumnName("user_id");
            e.Property(x => x.Label).HasColumnName("label").HasMaxLength(64);
            e.Property(x => x.LastSeenAtMs).HasColumnName("last_seen_at_ms");
            e.Property(x => x.IsDefault).HasColumnName("is_default");
            e.Property(x => x.Currency).HasColumnName("currency").HasMaxLength(8);
            e.Property(x => x.Balance).HasColumnName("balance");
            e.Property(x => x.Equity).HasColumnName("equity");
            e.Property(x => x.Margin).HasColumnName("margin");
            e.Property(x => x.FreeMargin).HasColumnName("free_margin");
            e.Property(x => x.BrokerUtcOffsetSeconds).HasColumnName("broker_utc_offset_s");
            e.Property(x => x.AccountLogin).HasColumnName("account_login").HasMaxLength(64);
            e.Property(x => x.Broker).HasColumnName("broker").HasMaxLength(128);
            e.Property(x => x.StartOfDayEquity).HasColumnName("start_of_day_equity");
            e.Property(x => x.StartOfDayDay).HasColumnName("start_of_day_day");
            e.HasIndex(x => x.UserId).HasDatabaseName("ix_eas_user_id");
        });

        modelBuilder.Entity<EaSymbolRecord>(e =>
        {
            e.ToTable("ea_symbols");
            e.HasKey(x => new { x.EaId, x.Symbol });
            e.Property(x => x.EaId).HasColumnName("ea_id").HasMaxLength(64);
            e.Property(x => x.Symbol).HasColumnName("symbol").HasMaxLength(32);
            e.Property(x => x.BrokerSymbol).HasColumnName("broker_symbol").HasMaxLength(64);
            e.Property(x => x.Digits).HasColumnName("digits");
            e.Property(x => x.Point).HasColumnName("point");
            e.Property(x => x.TickSize).HasColumnName("tick_size");
            e.Property(x => x.TickValue).HasColumnName("tick_value");
            e.Property(x => x.ContractSize).HasColumnName("contract_size");
            e.Property(x => x.VolumeMin).HasColumnName("volume_min");
            e.Property(x => x.VolumeStep).HasColumnName("volume_step");
            e.Property(x => x.VolumeMax).HasColumnName("volume_max");
            e.Property(x => x.StopsLevelPoints).HasColumnName("stops_level_points");
            e.Property(x => x.CurrencyProfit).HasColumnName("currency_profit").HasMaxLength(8);
            e.Property(x => x.FillingModes).HasColumnName("filling_modes");
            e.Property(x => x.UpdatedAtMs).HasColumnName("updated_at_ms");
        });

        modelBuilder.Entity<EaPositionRecord>(e =>
        {
            e.ToTable("ea_positions");
            e.HasKey(x => new { x.EaId, x.Position });
            e.Property(x => x.EaId).HasColumnName("ea_id").HasMaxLength(64);
            e.Property(x => x.Position).HasColumnName("position");
            e.Property(x => x.FireId).HasColumnName("fire_id").HasMaxLength(26);
            e.Property(x => x.Symbol).HasColumnName("symbol").HasMaxLength(32);
            e.Property(x => x.Side).HasColumnName("side");
            e.Property(x => x.Volume).HasColumnName("volume");
            e.Property(x => x.OpenPrice).HasColumnName("open_price");
            e.Property(x => x.StopLoss).HasColumnName("sl");
            e.Property(x => x.TakeProfit).HasColumnName("tp");
            e.Property(x => x.Profit).HasColumnName("profit");
            e.Property(x => x.OpenTsMs).HasColumnName("open_ts_ms");
            e.Property(x => x.ReportedAtMs).HasColumnName("reported_at_ms");
        });

        modelBuilder.Entity<FireRecord>(e =>
        {
            e.ToTable("fires");
            e.HasKey(x => x.FireId);
            e.Ignore(x => x.IsOpen);
            e.Property(x => x.FireId).HasColumnName("fire_id").HasMaxLength(26);
            e.Property(x => x.MissionId).HasColumnName("mission_id").HasMaxLength(26);
            e.Property(x => x.UserId).HasColumnName("user_id");
            e.Property(x => x.SignalId).HasColumnName("signal_id").HasMaxLength(26);
            e.Property(x => x.EaId).HasColumnName("ea_id").HasMaxLength(64);
            e.Property(x => x.Symbol).HasColumnName("symbol").HasMaxLength(32);
            e.Property(x => x.BrokerSymbol).HasColumnName("broker_symbol").HasMaxLength(64);
            e.Property(x => x.Side).HasColumnName("side");
            e.Property(x => x.Volume).HasColumnName("volume");
            e.Property(x => x.Entry).HasColumnName("entry");
            e.Property(x => x.StopLoss).HasColumnName("sl");
            e.Property(x => x.TakeProfit).HasColumnName("tp");
            e.Property(x => x.RiskMoney).HasColumnName("risk_money");
            e.Property(x => x.Point).HasColumnName("point");
            e.Property(x => x.Source).HasColumnName("source");
            // A concurrency token: every tracked update of a fire is a compare-and-set on the status it was read with
            // (UPDATE … WHERE fire_id = @id AND status = @read), so a writer that read before another changed the state loses.
            e.Property(x => x.Status).HasColumnName("status").IsConcurrencyToken();
            e.Property(x => x.CreatedAtMs).HasColumnName("created_at_ms");
            e.Property(x => x.ExpiresAtMs).HasColumnName("expires_at_ms");
            e.Property(x => x.SentAtMs).HasColumnName("sent_at_ms");
            e.Property(x => x.FilledAtMs).HasColumnName("filled_at_ms");
            e.Property(x => x.FillPrice).HasColumnName("fill_price");
            e.Property(x => x.FilledVolume).HasColumnName("filled_volume");
            e.Property(x => x.Position).HasColumnName("position");
            e.Property(x => x.ClosedAtMs).HasColumnName("closed_at_ms");
            e.Property(x => x.ClosePrice).HasColumnName("close_price");
            e.Property(x => x.Profit).HasColumnName("profit");
            e.Property(x => x.RMultiple).HasColumnName("r_multiple");
            e.Property(x => x.Result).HasColumnName("result");
            e.Property(x => x.CloseReason).HasColumnName("close_reason");
            e.Property(x => x.Retcode).HasColumnName("retcode");
            e.Property(x => x.Message).HasColumnName("message").HasMaxLength(512);
            e.Property(x => x.Bitmode).HasColumnName("bitmode");
            e.Property(x => x.RemainingVolume).HasColumnName("remaining_volume");
            e.Property(x => x.PartialProfit).HasColumnName("partial_profit");
            e.Property(x => x.PartialR).HasColumnName("partial_r");
            e.HasIndex(x => x.MissionId).IsUnique().HasDatabaseName("ux_fires_mission_id");
            e.HasIndex(x => new { x.UserId, x.Status }).HasDatabaseName("ix_fires_user_status");
            e.HasIndex(x => x.Status).HasDatabaseName("ix_fires_status");
        });

        modelBuilder.Entity<FireEventRecord>(e =>
        {
            e.ToTable("fire_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.FireId).HasColumnName("fire_id").HasMaxLength(26);
            e.Property(x => x.Status).HasColumnName("status");
            e.Property(x => x.AtMs).HasColumnName("at_ms");
            e.Property(x => x.Detail).HasColumnName("detail").HasMaxLength(512);
            e.HasIndex(x => x.FireId).HasDatabaseName("ix_fire_events_fire_id");
        });

        modelBuilder.Entity<OutboxRecord>(e =>
        {
            e.ToTable("outbox");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.FireId).HasColumnName("fire_id").HasMaxLength(26);
            e.Property(x => x.CreatedAtMs).HasColumnName("created_at_ms");
            e.Property(x => x.DoneAtMs).HasColumnName("done_at_ms");
            e.HasIndex(x => x.DoneAtMs).HasDatabaseName("ix_outbox_done_at_ms");
        });

        modelBuilder.Entity<RuntimeSwitchRecord>(e =>
        {
            e.ToTable("runtime_switches");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasColumnName("key").HasMaxLength(64);
            e.Property(x => x.Value).HasColumnName("value");
            e.Property(x => x.UpdatedAtMs).HasColumnName("updated_at_ms");
            e.Property(x => x.UpdatedBy).HasColumnName("updated_by").HasMaxLength(128);
        });

        modelBuilder.Entity<AutoFireRecord>(e =>
        {
            e.ToTable("auto_fires");
            e.HasKey(x => new { x.UserId, x.SignalId });
            e.Property(x => x.UserId).HasColumnName("user_id");
            e.Property(x => x.SignalId).HasColumnName("signal_id").HasMaxLength(26);
            e.Property(x => x.MissionId).HasColumnName("mission_id").HasMaxLength(26);
            e.Property(x => x.AtMs).HasColumnName("at_ms");
            e.Property(x => x.Accepted).HasColumnName("accepted");
            e.Property(x => x.Reason).HasColumnName("reason").HasMaxLength(512);
        });

        modelBuilder.Entity<PartialCloseRecord>(e =>
        {
            e.ToTable("partial_closes");
            e.HasKey(x => new { x.FireId, x.Position, x.TsMs });
            e.Property(x => x.FireId).HasColumnName("fire_id").HasMaxLength(26);
            e.Property(x => x.Position).HasColumnName("position");
            e.Property(x => x.TsMs).HasColumnName("ts_ms");
            e.Property(x => x.Volume).HasColumnName("volume");
            e.Property(x => x.ClosePrice).HasColumnName("close_price");
            e.Property(x => x.Profit).HasColumnName("profit");
            e.Property(x => x.RecordedAtMs).HasColumnName("recorded_at_ms");
        });

        modelBuilder.Entity<ExitPlanRecord>(e =>
        {
            e.ToTable("exit_plans");
            e.HasKey(x => x.FireId);
            e.Property(x => x.FireId).HasColumnName("fire_id").HasMaxLength(26);
            e.Property(x => x.Stage).HasColumnName("stage");
            e.Property(x => x.PartialVolume).HasColumnName("partial_volume");
            e.Property(x => x.Stop).HasColumnName("stop");
            e.Property(x => x.Trails).HasColumnName("trails");
            e.Property(x => x.CommandId).HasColumnName("command_id").HasMaxLength(40);
            e.Property(x => x.CommandKind).HasColumnName("command_kind");
            e.Property(x => x.CommandStop).HasColumnName("command_stop");
            e.Property(x => x.CommandSentAtMs).HasColumnName("command_sent_at_ms");
            e.Property(x => x.Attempts).HasColumnName("attempts");
            e.Property(x => x.UpdatedAtMs).HasColumnName("updated_at_ms");
        });
    }
}
