using Bitten.Modules.Missions.Creation;
using Bitten.Modules.Missions.Lifecycle;
using Bitten.Modules.Missions.Persistence;
using Bitten.Modules.Missions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Missions.Tests.Creation;

public sealed class MissionWriterTests
{
    [Fact]
    public async Task InsertNew_WhenSomeUsersAlreadyHaveTheMission_InsertsAndReturnsOnlyTheOthers()
    {
        await using var harness = new MissionsHarness();
        var earlier = Rows(0, 30, "A");
        var batch = Rows(20, 150, "B"); // users 20-29 collide with the earlier batch; 150 rows span three statements

        await harness.InScopeAsync(sp => MissionWriter.InsertNewAsync(sp.GetRequiredService<MissionsDbContext>(), earlier, CancellationToken.None));
        var inserted = await harness.InScopeAsync(sp => MissionWriter.InsertNewAsync(sp.GetRequiredService<MissionsDbContext>(), batch, CancellationToken.None));

        inserted.Count.ShouldBe(140);
        inserted.ShouldAllBe(r => r.UserId >= 30);
        var stored = await harness.MissionsAsync();
        stored.Count.ShouldBe(170);
        stored.Where(m => m.UserId is >= 20 and < 30).ShouldAllBe(m => m.Id.StartsWith("A", StringComparison.Ordinal));
        var sample = stored.Single(m => m.UserId == 100);
        (sample.Volume, sample.RiskMoney, sample.Entry, sample.Symbol, sample.FireId, sample.NotFireableReason).ShouldBe((1.23m, 246.00m, 1.10000m, "EURUSD", null, "reason 100"));
    }

    private static List<MissionRecord> Rows(int firstUser, int count, string prefix) => [.. Enumerable.Range(firstUser, count).Select(u => new MissionRecord
    {
        Id = prefix + u.ToString("D25", System.Globalization.CultureInfo.InvariantCulture),
        UserId = u,
        SignalId = "SIGNAL",
        Status = 1,
        CreatedAtMs = 1_000,
        ExpiresAtMs = 2_000,
        Symbol = "EURUSD",
        Entry = 1.10000m,
        Volume = 1.23m,
        RiskMoney = 246.00m,
        AccountCurrency = "USD",
        Fireable = true,
        NotFireableReason = "reason " + u,
    })];
}
