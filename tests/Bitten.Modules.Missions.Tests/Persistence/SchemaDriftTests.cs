using Microsoft.EntityFrameworkCore;
using Bitten.Modules.Missions.Persistence;

namespace Bitten.Modules.Missions.Tests.Persistence;

public sealed class SchemaDriftTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new("missions-schema");

    [Fact]
    public void Migrations_WhenApplied_BuildTheSchemaTheModelDescribes()
    {
        var (migrated, modelled) = SchemaSnapshot.MigratedAndModelled<MissionsDbContext>(_directory.Path, o => new MissionsDbContext(o));

        migrated.ShouldNotBeNullOrWhiteSpace();
        migrated.ShouldBe(modelled, "a hand-written migration differs from the EF model; write a migration that makes them equal");
    }

    [Fact]
    public void Migrations_WhenAppliedTwice_AreIdempotent()
    {
        var path = _directory.Combine("twice.db");
        using (var first = new MissionsDbContext(SchemaSnapshot.Options<MissionsDbContext>(path)))
        {
            first.Database.Migrate();
        }

        var before = SchemaSnapshot.Of(path);
        using (var second = new MissionsDbContext(SchemaSnapshot.Options<MissionsDbContext>(path)))
        {
            second.Database.GetPendingMigrations().ShouldBeEmpty();
            second.Database.Migrate();
        }

        SchemaSnapshot.Of(path).ShouldBe(before);
    }

    public void Dispose() => _directory.Dispose();
}
