using Bitten.Modules.Users.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Users.Persistence;

/// <summary>The Users module's own database (users.db); no other module reads it.</summary>
internal sealed class UsersDbContext(DbContextOptions<UsersDbContext> options) : DbContext(options)
{
    public DbSet<UserRecord> Users => Set<UserRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UserRecord>(e =>
        {
            e.ToTable("users");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedOnAdd();
            e.Property(x => x.TelegramId).HasColumnName("telegram_id");
            e.Property(x => x.DisplayName).HasColumnName("display_name").HasMaxLength(128);
            e.Property(x => x.Tier).HasColumnName("tier");
            e.Property(x => x.CreatedAtMs).HasColumnName("created_at_ms");
            e.Property(x => x.LastSeenAtMs).HasColumnName("last_seen_at_ms");
            e.HasIndex(x => x.TelegramId).HasDatabaseName("ix_users_telegram_id").IsUnique();
        });
    }
}
