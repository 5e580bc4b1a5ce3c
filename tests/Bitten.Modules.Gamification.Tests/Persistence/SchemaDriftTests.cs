using Microsoft.EntityFrameworkCore;
using Bitten.Modules.Gamification.Persistence;

namespace Bitten.Modules.Gamification.Tests.Persistence;

public sealed class SchemaDriftTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new("gamification-schema");

    [Fact]
    public void Migrations_WhenApplied_BuildTheSchemaTheModelDescribes()
    {
        var (migrated, modelled) = SchemaSnapshot.MigratedAndModelled<GamificationDbContext>(_directory.Path, o => new GamificationDbContext(o));

        migrated.ShouldNotBeNullOrWhiteSpace();
        migrated.ShouldBe(modelled, "a hand-written migration differs from the EF model; write a migration that makes them equal");
    }

    [Fact]
    public void Migrations_WhenAppliedTwice_AreIdempotent()
    {
        var path = _directory.Combine("twice.db");
        using (var first = new GamificationDbContext(SchemaSnapshot.Options<GamificationDbContext>(path)))
        {
            first.Database.Migrate();
        }

        var before = SchemaSnapshot.Of(path);
        using (var second = new GamificationDbContext(SchemaSnapshot.Options<GamificationDbContext>(path)))
        {
            second.Database.GetPendingMigrations().ShouldBeEmpty();
            second.Database.Migrate();
        }

        SchemaSnapshot.Of(path).ShouldBe(before);
    }

    public void Dispose() => _directory.Dispose();
}
