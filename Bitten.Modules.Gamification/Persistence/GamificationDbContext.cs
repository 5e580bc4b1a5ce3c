using Bitten.Modules.Gamification.Notebook;
using Bitten.Modules.Gamification.Players;
using Bitten.Modules.Gamification.Referrals;
using Bitten.Modules.Gamification.Tactics;
using Bitten.Modules.Gamification.Xp;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Gamification.Persistence;

/// <summary>The Gamification module's own database (gamification.db); no other module reads it.</summary>
internal sealed class GamificationDbContext(DbContextOptions<GamificationDbContext> options) : DbContext(options)
{
    public DbSet<XpAward> XpLedger => Set<XpAward>();

    public DbSet<GameUser> Users => Set<GameUser>();

    public DbSet<FireFact> Fires => Set<FireFact>();

    public DbSet<TradeFact> Trades => Set<TradeFact>();

    public DbSet<TacticChoice> TacticChoices => Set<TacticChoice>();

    public DbSet<JournalEntry> Journal => Set<JournalEntry>();

    public DbSet<Referral> Referrals => Set<Referral>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<XpAward>(e =>
        {
            e.ToTable("xp_ledger");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedOnAdd();
            e.Property(x => x.UserId).HasColumnName("user_id");
            e.Property(x => x.AwardKey).HasColumnName("award_key").HasMaxLength(128);
            e.Property(x => x.Amount).HasColumnName("amount");
            e.Property(x => x.Reason).HasColumnName("reason").HasMaxLength(64);
            e.Property(x => x.SourceId).HasColumnName("source_id").HasMaxLength(128);
            e.Property(x => x.CreatedAtMs).HasColumnName("created_at_ms");
            e.HasIndex(x => x.AwardKey).HasDatabaseName("ux_xp_ledger_award_key").IsUnique();
            e.HasIndex(x => x.UserId).HasDatabaseName("ix_xp_ledger_user_id");
        });
        modelBuilder.Entity<GameUser>(e =>
        {
            e.ToTable("game_users");
            e.HasKey(x => x.UserId);
            e.Property(x => x.UserId).HasColumnName("user_id").ValueGeneratedNever();
            e.Property(x => x.TimeZone).HasColumnName("time_zone").HasMaxLength(64);
            e.Property(x => x.DrillTone).HasColumnName("drill_tone");
            e.Property(x => x.StreakDays).HasColumnName("streak_days");
            e.Property(x => x.LastCheckInDate).HasColumnName("last_checkin_date").HasMaxLength(10);
            e.Property(x => x.LastCheckInAtMs).HasColumnName("last_checkin_at_ms");
            e.Property(x => x.ProtectionUsedMonth).HasColumnName("protection_used_month").HasMaxLength(7);
            e.Property(x => x.LastDrillReportDate).HasColumnName("last_drill_report_date").HasMaxLength(10);
            e.Property(x => x.LeaderboardOptIn).HasColumnName("leaderboard_opt_in");
            e.Property(x => x.DisplayName).HasColumnName("display_name").HasMaxLength(32);
            e.Property(x => x.ProfileRefreshedAtMs).HasColumnName("profile_refreshed_at_ms");
            e.Property(x => x.CreatedAtMs).HasColumnName("created_at_ms");
        });
        modelBuilder.Entity<FireFact>(e =>
        {
            e.ToTable("fires");
            e.HasKey(x => x.FireId);
            e.Property(x => x.FireId).HasColumnName("fire_id").HasMaxLength(32);
            e.Property(x => x.UserId).HasColumnName("user_id");
            e.Property(x => x.Side).HasColumnName("side");
            e.Property(x => x.FilledAtMs).HasColumnName("filled_at_ms");
            e.HasIndex(x => new { x.UserId, x.FilledAtMs }).HasDatabaseName("ix_fires_user_time");
        });
        modelBuilder.Entity<TradeFact>(e =>
        {
            e.ToTable("trades");
            e.HasKey(x => x.FireId);
            e.Property(x => x.FireId).HasColumnName("fire_id").HasMaxLength(32);
            e.Property(x => x.UserId).HasColumnName("user_id");
            e.Property(x => x.Result).HasColumnName("result");
            e.Property(x => x.RMultiple).HasColumnName("r_multiple");
            e.Property(x => x.AtOriginalStop).HasColumnName("at_original_stop");
            e.Property(x => x.ClosedAtMs).HasColumnName("closed_at_ms");
            e.HasIndex(x => new { x.UserId, x.ClosedAtMs }).HasDatabaseName("ix_trades_user_time");
        });
        modelBuilder.Entity<TacticChoice>(e =>
        {
            e.ToTable("tactic_choices");
            e.HasKey(x => new { x.UserId, x.LocalDate });
            e.Property(x => x.UserId).HasColumnName("user_id");
            e.Property(x => x.LocalDate).HasColumnName("local_date").HasMaxLength(10);
            e.Property(x => x.Tactic).HasColumnName("tactic").HasMaxLength(32);
            e.Property(x => x.ChosenAtMs).HasColumnName("chosen_at_ms");
        });
        modelBuilder.Entity<JournalEntry>(e =>
        {
            e.ToTable("journal_entries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedOnAdd();
            e.Property(x => x.UserId).HasColumnName("user_id");
            e.Property(x => x.Text).HasColumnName("text").HasMaxLength(4000);
            e.Property(x => x.Mood).HasColumnName("mood").HasMaxLength(32);
            e.Property(x => x.Tags).HasColumnName("tags").HasMaxLength(512);
            e.Property(x => x.FireId).HasColumnName("fire_id").HasMaxLength(32);
            e.Property(x => x.CreatedAtMs).HasColumnName("created_at_ms");
            e.Property(x => x.UpdatedAtMs).HasColumnName("updated_at_ms");
            e.HasIndex(x => new { x.UserId, x.CreatedAtMs }).HasDatabaseName("ix_journal_user_time");
        });
        modelBuilder.Entity<Referral>(e =>
        {
            e.ToTable("referrals");
            e.HasKey(x => x.RecruitId);
            e.Property(x => x.RecruitId).HasColumnName("recruit_id").ValueGeneratedNever();
            e.Property(x => x.ReferrerId).HasColumnName("referrer_id");
            e.Property(x => x.ReferredAtMs).HasColumnName("referred_at_ms");
            e.HasIndex(x => new { x.ReferrerId, x.ReferredAtMs }).HasDatabaseName("ix_referrals_referrer_time");
        });
    }
}
