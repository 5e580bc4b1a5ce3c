using Bitten.Modules.Missions.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Missions.Persistence;

/// <summary>The Missions module's own database (missions.db); no other module reads it.</summary>
internal sealed class MissionsDbContext(DbContextOptions<MissionsDbContext> options) : DbContext(options)
{
    public DbSet<MissionRecord> Missions => Set<MissionRecord>();

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
            e.HasIndex(x => new { x.UserId, x.SignalId }).HasDatabaseName("ux_missions_user_signal").IsUnique();
            e.HasIndex(x => new { x.Status, x.ExpiresAtMs }).HasDatabaseName("ix_missions_status_expires");
        });
    }
}
