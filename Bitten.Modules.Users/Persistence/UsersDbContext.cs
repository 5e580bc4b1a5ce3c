using Bitten.Modules.Users.Accounts;
using Bitten.Modules.Users.Alerts;
using Bitten.Modules.Users.Audit;
using Bitten.Modules.Users.Auth;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Users.Persistence;

/// <summary>The Users module's own database (users.db); no other module reads it.</summary>
internal sealed class UsersDbContext(DbContextOptions<UsersDbContext> options) : DbContext(options)
{
    public DbSet<UserRecord> Users => Set<UserRecord>();

    public DbSet<LinkedEaRecord> LinkedEas => Set<LinkedEaRecord>();

    public DbSet<NotificationSettingRecord> NotificationSettings => Set<NotificationSettingRecord>();

    public DbSet<LoginCodeRecord> LoginCodes => Set<LoginCodeRecord>();

    public DbSet<AlertRecord> Alerts => Set<AlertRecord>();

    public DbSet<AuditRecord> AuditLog => Set<AuditRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UserRecord>(e =>
        {
            e.ToTable("users");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedOnAdd();
            e.Property(x => x.TelegramId).HasColumnName("telegram_id");
            e.Property(x => x.DisplayName).HasColumnName("display_name").HasMaxLength(128);
            e.Property(x => x.Username).HasColumnName("username").HasMaxLength(64);
            e.Property(x => x.LanguageCode).HasColumnName("language_code").HasMaxLength(16);
            e.Property(x => x.TimeZone).HasColumnName("time_zone").HasMaxLength(64);
            e.Property(x => x.Tier).HasColumnName("tier").HasMaxLength(32);
            e.Property(x => x.Roles).HasColumnName("roles");
            e.Property(x => x.ReferralCode).HasColumnName("referral_code").HasMaxLength(16);
            e.Property(x => x.ReferrerUserId).HasColumnName("referrer_user_id");
            e.Property(x => x.CreatedAtMs).HasColumnName("created_at_ms");
            e.Property(x => x.LastSeenAtMs).HasColumnName("last_seen_at_ms");
            e.Property(x => x.IsActive).HasColumnName("is_active");
            e.Property(x => x.RiskPercent).HasColumnName("risk_percent");
            e.Property(x => x.AutoFireEnabled).HasColumnName("auto_fire_enabled");
            e.Property(x => x.MinWinProbability).HasColumnName("min_win_probability");
            e.Property(x => x.DrillTone).HasColumnName("drill_tone");
            e.HasIndex(x => x.TelegramId).HasDatabaseName("ix_users_telegram_id").IsUnique();
            e.HasIndex(x => x.ReferralCode).HasDatabaseName("ix_users_referral_code").IsUnique();
            e.HasOne<UserRecord>().WithMany().HasForeignKey(x => x.ReferrerUserId)
                .HasConstraintName("fk_users_referrer").OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(x => x.ReferrerUserId).HasDatabaseName("ix_users_referrer_user_id");
            e.HasMany(x => x.NotificationSettings).WithOne().HasForeignKey(x => x.UserId)
                .HasConstraintName("fk_notification_settings_user").OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.LinkedEas).WithOne().HasForeignKey(x => x.UserId)
                .HasConstraintName("fk_linked_eas_user").OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<NotificationSettingRecord>(e =>
        {
            e.ToTable("notification_settings");
            e.HasKey(x => new { x.UserId, x.Event });
            e.Property(x => x.UserId).HasColumnName("user_id");
            e.Property(x => x.Event).HasColumnName("event");
            e.Property(x => x.Mode).HasColumnName("mode");
        });

        modelBuilder.Entity<LinkedEaRecord>(e =>
        {
            e.ToTable("linked_eas");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedOnAdd();
            e.Property(x => x.EaId).HasColumnName("ea_id").HasMaxLength(64);
            e.Property(x => x.UserId).HasColumnName("user_id");
            e.Property(x => x.TokenSalt).HasColumnName("token_salt");
            e.Property(x => x.TokenHash).HasColumnName("token_hash");
            e.Property(x => x.Label).HasColumnName("label").HasMaxLength(64);
            e.Property(x => x.IsDefault).HasColumnName("is_default");
            e.Property(x => x.CreatedAtMs).HasColumnName("created_at_ms");
            e.Property(x => x.TokenRotatedAtMs).HasColumnName("token_rotated_at_ms");
            e.HasIndex(x => x.EaId).HasDatabaseName("ix_linked_eas_ea_id").IsUnique();
            e.HasIndex(x => x.UserId).HasDatabaseName("ix_linked_eas_user_default")
                .IsUnique().HasFilter("is_default = 1");
        });

        modelBuilder.Entity<LoginCodeRecord>(e =>
        {
            e.ToTable("login_codes");
            e.HasKey(x => x.CodeHash);
            e.Property(x => x.CodeHash).HasColumnName("code_hash").HasMaxLength(64);
            e.Property(x => x.UserId).HasColumnName("user_id");
            e.Property(x => x.CreatedAtMs).HasColumnName("created_at_ms");
            e.Property(x => x.ExpiresAtMs).HasColumnName("expires_at_ms");
            e.Property(x => x.UsedAtMs).HasColumnName("used_at_ms");
            e.HasOne<UserRecord>().WithMany().HasForeignKey(x => x.UserId)
                .HasConstraintName("fk_login_codes_user").OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.UserId).HasDatabaseName("ix_login_codes_user_id");
        });

        modelBuilder.Entity<AlertRecord>(e =>
        {
            e.ToTable("alert_outbox");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedOnAdd();
            e.Property(x => x.UserId).HasColumnName("user_id");
            e.Property(x => x.ChatId).HasColumnName("chat_id");
            e.Property(x => x.Kind).HasColumnName("kind");
            e.Property(x => x.DedupeKey).HasColumnName("dedupe_key").HasMaxLength(128);
            e.Property(x => x.Html).HasColumnName("html").HasMaxLength(4096);
            e.Property(x => x.KeyboardJson).HasColumnName("keyboard_json");
            e.Property(x => x.Silent).HasColumnName("silent");
            e.Property(x => x.Status).HasColumnName("status");
            e.Property(x => x.Attempts).HasColumnName("attempts");
            e.Property(x => x.CreatedAtMs).HasColumnName("created_at_ms");
            e.Property(x => x.NextAttemptAtMs).HasColumnName("next_attempt_at_ms");
            e.Property(x => x.SentAtMs).HasColumnName("sent_at_ms");
            e.Property(x => x.TelegramMessageId).HasColumnName("telegram_message_id");
            e.Property(x => x.LastError).HasColumnName("last_error").HasMaxLength(512);
            e.HasOne<UserRecord>().WithMany().HasForeignKey(x => x.UserId)
                .HasConstraintName("fk_alert_outbox_user").OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.UserId, x.DedupeKey }).HasDatabaseName("ix_alert_outbox_user_dedupe").IsUnique();
            e.HasIndex(x => new { x.Status, x.NextAttemptAtMs }).HasDatabaseName("ix_alert_outbox_due");
        });

        modelBuilder.Entity<AuditRecord>(e =>
        {
            e.ToTable("audit_log");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedOnAdd();
            e.Property(x => x.AtMs).HasColumnName("at_ms");
            e.Property(x => x.ActorUserId).HasColumnName("actor_user_id");
            e.Property(x => x.Action).HasColumnName("action").HasMaxLength(64);
            e.Property(x => x.Target).HasColumnName("target").HasMaxLength(128);
            e.Property(x => x.Detail).HasColumnName("detail").HasMaxLength(512);
            e.Property(x => x.Source).HasColumnName("source").HasMaxLength(64);
            e.HasIndex(x => x.ActorUserId).HasDatabaseName("ix_audit_log_actor_user_id");
            e.HasIndex(x => x.AtMs).HasDatabaseName("ix_audit_log_at_ms");
        });
    }
}
