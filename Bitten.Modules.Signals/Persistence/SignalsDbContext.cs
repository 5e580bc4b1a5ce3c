using Bitten.Modules.Signals.Candles;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Signals.Persistence;

/// <summary>The Signals module's own database (signals.db); no other module reads it.</summary>
internal sealed class SignalsDbContext(DbContextOptions<SignalsDbContext> options) : DbContext(options)
{
    public DbSet<StoredBar> Bars => Set<StoredBar>();

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
    }
}
