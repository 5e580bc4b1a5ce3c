using Bitten.Modules.Missions.Lifecycle;
using Bitten.Modules.Missions.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Missions.Tests.Lifecycle;

public sealed class MissionUniquenessTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new("missions-unique");

    [Fact]
    public void SaveChanges_WhenSecondMissionForSameUserAndSignal_IsRefusedByTheDatabase()
    {
        var options = SchemaSnapshot.Options<MissionsDbContext>(_directory.Combine("m.db"));
        using var db = new MissionsDbContext(options);
        db.Database.Migrate();
        db.Missions.Add(new MissionRecord { Id = "01ARZ3NDEKTSV4RRFFQ69G5FA1", UserId = 7, SignalId = "01ARZ3NDEKTSV4RRFFQ69G5FS1" });
        db.SaveChanges();

        db.Missions.Add(new MissionRecord { Id = "01ARZ3NDEKTSV4RRFFQ69G5FA2", UserId = 7, SignalId = "01ARZ3NDEKTSV4RRFFQ69G5FS1" });

        Should.Throw<DbUpdateException>(() => db.SaveChanges());
    }

    public void Dispose() => _directory.Dispose();
}
