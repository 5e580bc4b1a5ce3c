using Bitten.Modules.Execution.Registry;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Execution.Persistence;

/// <summary>The Execution module's own database (execution.db); no other module reads it.</summary>
internal sealed class ExecutionDbContext(DbContextOptions<ExecutionDbContext> options) : DbContext(options)
{
    public DbSet<EaRecord> Eas => Set<EaRecord>();

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
            e.HasIndex(x => x.UserId).HasDatabaseName("ix_eas_user_id");
        });
    }
}
