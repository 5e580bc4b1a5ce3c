using Bitten.Modules.Signals.Candles;
using Bitten.Modules.Signals.Ml;
using Bitten.Modules.Signals.Publishing;
using Bitten.Modules.Signals.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Signals.Persistence;

/// <summary>The Signals module's own database (signals.db); no other module reads it.</summary>
internal sealed class SignalsDbContext(DbContextOptions<SignalsDbContext> options) : DbContext(options)
{
    public DbSet<StoredBar> Bars => Set<StoredBar>();

    public DbSet<SignalRecord> Signals => Set<SignalRecord>();

    public DbSet<ThresholdChange> ThresholdChanges => Set<ThresholdChange>();

    public DbSet<StoredModel> Models => Set<StoredModel>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StoredBar>(e =>
        {
            e.ToTable("bars");
            e.HasKey(x => new { x.Symbol, x.Timeframe, x.OpenTimeMs });
            e.Property(x => x.Symbol).HasColumnName("symbol").HasMaxLength(16);
            e.Property(x => x.Timeframe).HasColumnName("timeframe");
            e.Property(x => x.OpenTimeMs).HasColumnName("open_time_ms");
            e.Property(x => x.Open).HasColumnName("open");
            e.Property(x => x.High).HasColumnName("high");
            e.Property(x => x.Low).HasColumnName("low");
            e.Property(x => x.Close).HasColumnName("close");
            e.Property(x => x.TickVolume).HasColumnName("tick_volume");
            e.Property(x => x.MeanSpread).HasColumnName("mean_spread");
            e.Property(x => x.AfterGap).HasColumnName("after_gap");
        });
        modelBuilder.Entity<SignalRecord>(e =>
        {
            e.ToTable("signals");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").HasMaxLength(26);
            e.Property(x => x.Symbol).HasColumnName("symbol").HasMaxLength(16);
            e.Property(x => x.Side).HasColumnName("side");
            e.Property(x => x.Pattern).HasColumnName("pattern").HasMaxLength(40);
            e.Property(x => x.Timeframe).HasColumnName("timeframe");
            e.Property(x => x.Entry).HasColumnName("entry");
            e.Property(x => x.StopLoss).HasColumnName("stop_loss");
            e.Property(x => x.TakeProfit).HasColumnName("take_profit");
            e.Property(x => x.StopPips).HasColumnName("stop_pips");
            e.Property(x => x.TargetPips).HasColumnName("target_pips");
            e.Property(x => x.RiskReward).HasColumnName("risk_reward");
            e.Property(x => x.Confidence).HasColumnName("confidence");
            e.Property(x => x.PatternScore).HasColumnName("pattern_score");
            e.Property(x => x.ShieldScore).HasColumnName("shield_score");
            e.Property(x => x.ShieldClass).HasColumnName("shield_class");
            e.Property(x => x.ShieldMultiplier).HasColumnName("shield_multiplier");
            e.Property(x => x.WinProbability).HasColumnName("win_probability");
            e.Property(x => x.ExpectedValueR).HasColumnName("expected_value_r");
            e.Property(x => x.Session).HasColumnName("session");
            e.Property(x => x.SignalClass).HasColumnName("signal_class").HasMaxLength(8);
            e.Property(x => x.ModelVersion).HasColumnName("model_version").HasMaxLength(40);
            e.Property(x => x.Threshold).HasColumnName("threshold");
            e.Property(x => x.BarOpenMs).HasColumnName("bar_open_ms");
            e.Property(x => x.CreatedMs).HasColumnName("created_ms");
            e.Property(x => x.ExpiresMs).HasColumnName("expires_ms");
            e.Property(x => x.RecordedMs).HasColumnName("recorded_ms");
            e.Property(x => x.ComponentsJson).HasColumnName("components_json");
            e.Property(x => x.ShieldJson).HasColumnName("shield_json");
            e.Property(x => x.ContextJson).HasColumnName("context_json");
            e.Property(x => x.FeaturesJson).HasColumnName("features_json");
            e.Property(x => x.Status).HasColumnName("status");
            e.Property(x => x.Outcome).HasColumnName("outcome");
            e.Property(x => x.RMultiple).HasColumnName("r_multiple");
            e.Property(x => x.ResultPips).HasColumnName("result_pips");
            e.Property(x => x.MfePips).HasColumnName("mfe_pips");
            e.Property(x => x.MaePips).HasColumnName("mae_pips");
            e.Property(x => x.ResolvedMs).HasColumnName("resolved_ms");
            e.HasIndex(x => new { x.Symbol, x.CreatedMs }).HasDatabaseName("ix_signals_symbol_created");
            e.HasIndex(x => new { x.Pattern, x.Status }).HasDatabaseName("ix_signals_pattern_status");
            e.HasIndex(x => x.CreatedMs).HasDatabaseName("ix_signals_created");
        });
        modelBuilder.Entity<ThresholdChange>(e =>
        {
            e.ToTable("threshold_changes");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedOnAdd();
            e.Property(x => x.AtMs).HasColumnName("at_ms");
            e.Property(x => x.Previous).HasColumnName("previous");
            e.Property(x => x.Next).HasColumnName("next");
            e.Property(x => x.SignalsLast24h).HasColumnName("signals_last_24h");
            e.Property(x => x.WinRateLast24h).HasColumnName("win_rate_last_24h");
            e.Property(x => x.ReasonsJson).HasColumnName("reasons_json");
            e.HasIndex(x => x.AtMs).HasDatabaseName("ix_threshold_changes_at");
        });
        modelBuilder.Entity<StoredModel>(e =>
        {
            e.ToTable("ml_models");
            e.HasKey(x => x.Version);
            e.Property(x => x.Version).HasColumnName("version").HasMaxLength(40);
            e.Property(x => x.CreatedMs).HasColumnName("created_ms");
            e.Property(x => x.FeatureSchema).HasColumnName("feature_schema").HasMaxLength(16);
            e.Property(x => x.Blob).HasColumnName("blob");
            e.Property(x => x.Status).HasColumnName("status");
            e.Property(x => x.Source).HasColumnName("source").HasMaxLength(300);
            e.Property(x => x.TrainingRows).HasColumnName("training_rows");
            e.Property(x => x.CalibrationRows).HasColumnName("calibration_rows");
            e.Property(x => x.HeldOutRows).HasColumnName("held_out_rows");
            e.Property(x => x.Rounds).HasColumnName("rounds");
            e.Property(x => x.FromMs).HasColumnName("from_ms");
            e.Property(x => x.ToMs).HasColumnName("to_ms");
            e.Property(x => x.Auc).HasColumnName("auc");
            e.Property(x => x.LogLoss).HasColumnName("log_loss");
            e.Property(x => x.Brier).HasColumnName("brier");
            e.Property(x => x.MetricsJson).HasColumnName("metrics_json");
            e.Property(x => x.IncumbentVersion).HasColumnName("incumbent_version").HasMaxLength(40);
            e.Property(x => x.IncumbentLogLoss).HasColumnName("incumbent_log_loss");
            e.Property(x => x.Decision).HasColumnName("decision").HasMaxLength(300);
            e.Property(x => x.PromotedMs).HasColumnName("promoted_ms");
            e.HasIndex(x => x.CreatedMs).HasDatabaseName("ix_ml_models_created");
            e.HasIndex(x => x.Status).HasDatabaseName("ux_ml_models_one_current").IsUnique().HasFilter("status = 1");
        });
    }
}
