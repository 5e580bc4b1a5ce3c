using Microsoft.EntityFrameworkCore;
using Bitten.Modules.Signals.Persistence;

namespace Bitten.Modules.Signals.Tests.Persistence;

public sealed class SchemaDriftTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new("signals-schema");

    [Fact]
    public void Migrations_WhenApplied_BuildTheSchemaTheModelDescribes()
    {
        var (migrated, modelled) = SchemaSnapshot.MigratedAndModelled<SignalsDbContext>(_directory.Path, o => new SignalsDbContext(o));

        migrated.ShouldNotBeNullOrWhiteSpace();
        migrated.ShouldBe(modelled, "a hand-written migration differs from the EF model; write a migration that makes them equal");
    }

    [Fact]
    public void Migrations_WhenAppliedTwice_AreIdempotent()
    {
        var path = _directory.Combine("twice.db");
        using (var first = new SignalsDbContext(SchemaSnapshot.Options<SignalsDbContext>(path)))
        {
            first.Database.Migrate();
        }

        var before = SchemaSnapshot.Of(path);
        using (var second = new SignalsDbContext(SchemaSnapshot.Options<SignalsDbContext>(path)))
        {
            second.Database.GetPendingMigrations().ShouldBeEmpty();
            second.Database.Migrate();
        }

        SchemaSnapshot.Of(path).ShouldBe(before);
    }

    public void Dispose() => _directory.Dispose();
}
