using Bitten.Modules.Gamification.Xp;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Gamification.Persistence;

/// <summary>The Gamification module's own database (gamification.db); no other module reads it.</summary>
internal sealed class GamificationDbContext(DbContextOptions<GamificationDbContext> options) : DbContext(options)
{
    public DbSet<XpAward> XpLedger => Set<XpAward>();

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
            e.Property(x => x.CreatedAtMs).HasColumnName("created_at_ms");
            e.HasIndex(x => x.AwardKey).HasDatabaseName("ux_xp_ledger_award_key").IsUnique();
            e.HasIndex(x => x.UserId).HasDatabaseName("ix_xp_ledger_user_id");
        });
    }
}
