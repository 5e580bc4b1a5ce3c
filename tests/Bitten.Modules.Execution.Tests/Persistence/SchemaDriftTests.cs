using Microsoft.EntityFrameworkCore;
using Bitten.Modules.Execution.Persistence;

namespace Bitten.Modules.Execution.Tests.Persistence;

public sealed class SchemaDriftTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new("execution-schema");

    [Fact]
    public void Migrations_WhenApplied_BuildTheSchemaTheModelDescribes()
    {
        var (migrated, modelled) = SchemaSnapshot.MigratedAndModelled<ExecutionDbContext>(_directory.Path, o => new ExecutionDbContext(o));

        migrated.ShouldNotBeNullOrWhiteSpace();
        migrated.ShouldBe(modelled, "a hand-written migration differs from the EF model; write a migration that makes them equal");
    }

    [Fact]
    public void Migrations_WhenAppliedTwice_AreIdempotent()
    {
        var path = _directory.Combine("twice.db");
        using (var first = new ExecutionDbContext(SchemaSnapshot.Options<ExecutionDbContext>(path)))
        {
            first.Database.Migrate();
        }

        var before = SchemaSnapshot.Of(path);
        using (var second = new ExecutionDbContext(SchemaSnapshot.Options<ExecutionDbContext>(path)))
        {
            second.Database.GetPendingMigrations().ShouldBeEmpty();
            second.Database.Migrate();
        }

        SchemaSnapshot.Of(path).ShouldBe(before);
    }

    public void Dispose() => _directory.Dispose();
}
