using Bitten.Host.Cli;
using Bitten.Host.Tests.Infrastructure;
using Bitten.Host.Tests.Ml;
using Bitten.Modules.Signals.Ml;
using Bitten.Modules.Signals.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Host.Tests.Cli;

[Collection(InProcessHostBuilds.Name)]
public sealed class TrainVerbTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new("bitten-train");

    [Fact]
    public async Task Train_WithNoResolvedSignals_ExitsZeroAndStoresNoModel()
    {
        (await HostEntryPoint.RunAsync(Args("train"))).ShouldBe(HostEntryPoint.ExitOk);

        Models().ShouldBeEmpty();
    }

    [Fact]
    public async Task Train_FromAFile_ThenAgain_ThenRollback_KeepsEveryVersionAndOneCurrent()
    {
        var file = _directory.Combine("rows.jsonl");
        MlApiTests.WriteRows(file, 600);

        (await HostEntryPoint.RunAsync(Args("train", file))).ShouldBe(HostEntryPoint.ExitOk);
        (await HostEntryPoint.RunAsync(Args("rollback-model"))).ShouldBe(HostEntryPoint.ExitUsage, "nothing earlier to roll back to");
        (await HostEntryPoint.RunAsync(Args("train", file))).ShouldBe(HostEntryPoint.ExitOk);
        var (first, second) = (Models()[0], Models()[1]);
        second.Status.ShouldBe((int)ModelStatus.Current, "same rows, same seed: no worse, so promoted");
        first.Status.ShouldBe((int)ModelStatus.Retired);

        (await HostEntryPoint.RunAsync(Args("rollback-model"))).ShouldBe(HostEntryPoint.ExitOk);

        Models().Select(m => (m.Version, (ModelStatus)m.Status)).ShouldBe([(first.Version, ModelStatus.Current), (second.Version, ModelStatus.Retired)]);
        (await HostEntryPoint.RunAsync(Args("rollback-model", "gbdt-unknown"))).ShouldBe(HostEntryPoint.ExitUsage);
    }

    [Fact]
    public async Task Train_FromAMissingFile_ExitsWithUsage()
    {
        (await HostEntryPoint.RunAsync(Args("train", _directory.Combine("nope.jsonl")))).ShouldBe(HostEntryPoint.ExitUsage);
    }

    [Fact]
    public void Parse_RecognisesTheModelVerbs()
    {
        Verbs.Parse(["train", "rows.jsonl"]).ShouldSatisfyAllConditions(p => p.Verb.ShouldBe(Verb.Train), p => p.Arguments.ShouldBe(["rows.jsonl"]));
        Verbs.Parse(["rollback-model"]).Verb.ShouldBe(Verb.RollbackModel);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    private List<StoredModel> Models()
    {
        using var db = new SignalsDbContext(SchemaSnapshot.Options<SignalsDbContext>(_directory.Combine("data", "signals.db")));
        return db.Models.AsNoTracking().OrderBy(m => m.CreatedMs).ThenBy(m => m.Version).ToList();
    }

    private string[] Args(params string[] verb) =>
    [
        .. verb,
        $"--Storage:DataDirectory={_directory.Combine("data")}",
        $"--Storage:BackupDirectory={_directory.Combine("backups")}",
        $"--Logging:Directory={_directory.Combine("logs")}",
        "--Zmq:CommandPort=0",
        "--Zmq:FeedPort=0",
        "--Zmq:SignalPort=0",
        "--Zmq:ReportPort=0",
        "--Zmq:MarketPort=0",
    ];
}
