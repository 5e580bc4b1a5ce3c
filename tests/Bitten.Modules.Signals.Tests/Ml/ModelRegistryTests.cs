using System.Diagnostics.Metrics;
using System.Text.Json;
using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Ml;
using Bitten.Modules.Signals.Persistence;
using Bitten.Modules.Signals.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bitten.Modules.Signals.Tests.Ml;

public sealed class ModelRegistryTests : IDisposable
{
    private static readonly GbdtOptions Options = new() { Rounds = 100, MaxDepth = 3, LearningRate = 0.1, Seed = 3 };
    private readonly TemporaryDirectory _directory = new("ml-registry");
    private readonly SignalsDbContext _db;
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 0, 30, 0, TimeSpan.Zero));

    public ModelRegistryTests()
    {
        _db = new SignalsDbContext(SchemaSnapshot.Options<SignalsDbContext>(_directory.Combine("signals.db")));
        _db.Database.Migrate();
    }

    [Fact]
    public async Task Register_WithNoCurrentModel_PromotesIt()
    {
        var trained = Train(SyntheticSignals.Smooth, 1, 0);

        var decision = await new ModelRegistry(_db).RegisterAsync(trained, "test", 1, default);

        decision.Promoted.ShouldBeTrue();
        (await new ModelRegistry(_db).LoadCurrentAsync(default))!.Serialize().ShouldBe(trained.Model.Serialize());
    }

    [Fact]
    public async Task Register_OfAModelWorseOnTheSameHeldOutRows_RejectsIt_AndTheCurrentStays()
    {
        var registry = new ModelRegistry(_db);
        var good = Train(SyntheticSignals.Smooth, 1, 0);
        await registry.RegisterAsync(good, "test", 1, default);
        // trained on coin flips, but held out on the same rule's rows: it cannot beat the current model there
        var noise = Train((_, _) => 0.5, 2, 1) with { HeldOutRows = good.HeldOutRows };
        noise = noise with { HeldOut = WinModelTrainer.Score(noise.Model, good.HeldOutRows) };

        var decision = await registry.RegisterAsync(noise, "test", 2, default);

        decision.Promoted.ShouldBeFalse();
        decision.IncumbentVersion.ShouldBe(good.Model.Version);
        decision.IncumbentLogLoss!.Value.ShouldBeLessThan(decision.LogLoss);
        (await registry.LoadCurrentAsync(default))!.Version.ShouldBe(good.Model.Version);
        var stored = await _db.Models.AsNoTracking().SingleAsync(m => m.Version == noise.Model.Version);
        stored.Status.ShouldBe((int)ModelStatus.Rejected);
        stored.Decision.ShouldStartWith("rejected:");
    }

    [Fact]
    public async Task Register_OfAModelNoWorseOnTheSameRows_PromotesIt_AndRetiresTheOld()
    {
        var registry = new ModelRegistry(_db);
        var first = Train(SyntheticSignals.Smooth, 1, 0);
        await registry.RegisterAsync(first, "test", 1, default);
        var same = Train(SyntheticSignals.Smooth, 1, 1); // same rows, same seed: an equal log-loss is "no worse"

        var decision = await registry.RegisterAsync(same, "test", 2, default);

        decision.Promoted.ShouldBeTrue();
        decision.IncumbentLogLoss.ShouldBe(decision.LogLoss);
        (await _db.Models.AsNoTracking().SingleAsync(m => m.Version == first.Model.Version)).Status.ShouldBe((int)ModelStatus.Retired);
        (await _db.Models.AsNoTracking().CountAsync(m => m.Status == (int)ModelStatus.Current)).ShouldBe(1);
    }

    [Fact]
    public async Task Rollback_WithoutAVersion_MakesThePreviousModelCurrent_AndTheEngineUsesIt()
    {
        var (training, live) = Training();
        var registry = new ModelRegistry(_db);
        var first = Train(SyntheticSignals.Smooth, 1, 0);
        var second = Train(SyntheticSignals.Smooth, 1, 1);
        await registry.RegisterAsync(first, "test", 1, default);
        await registry.RegisterAsync(second, "test", 2, default);

        var result = await training.RollbackAsync(null, default);

        result.Ok.ShouldBeTrue();
        result.Version.ShouldBe(first.Model.Version);
        live.Current!.Version.ShouldBe(first.Model.Version);
        live.Predict(first.HeldOutRows[0].Features, first.HeldOutRows[0].Pattern, first.HeldOutRows[0].Symbol)!.Value.Version.ShouldBe(first.Model.Version);
        (await registry.LoadCurrentAsync(default))!.Version.ShouldBe(first.Model.Version);
        (await _db.Models.AsNoTracking().SingleAsync(m => m.Version == second.Model.Version)).Status.ShouldBe((int)ModelStatus.Retired);
    }

    [Fact]
    public async Task Rollback_ToAnUnknownVersion_OrWithNothingEarlier_FailsAndChangesNothing()
    {
        var (training, live) = Training();
        (await training.RollbackAsync(null, default)).Ok.ShouldBeFalse();
        var only = Train(SyntheticSignals.Smooth, 1, 0);
        await new ModelRegistry(_db).RegisterAsync(only, "test", 1, default);

        var unknown = await training.RollbackAsync("gbdt-nope", default);
        var nothingEarlier = await training.RollbackAsync(null, default);

        unknown.Ok.ShouldBeFalse();
        unknown.Message.ShouldContain("gbdt-nope");
        nothingEarlier.Ok.ShouldBeFalse();
        live.Current.ShouldBeNull();
        (await new ModelRegistry(_db).LoadCurrentAsync(default))!.Version.ShouldBe(only.Model.Version);
    }

    [Fact]
    public async Task TrainFromStore_WithFewerThan300LabelledSignals_StoresNoModel_AndThePriorStands()
    {
        var (training, live) = Training();
        Store(SyntheticSignals.Generate(299, 4, SyntheticSignals.Smooth));
        Store([.. SyntheticSignals.Generate(50, 5, SyntheticSignals.Smooth).Select((s, i) => s with { Id = $"T{i:D7}" })], SignalOutcome.Timeout);

        var result = await training.TrainFromStoreAsync(default);

        result.Ok.ShouldBeTrue();
        result.LabelledRows.ShouldBe(299, "TIMEOUT rows are not labels");
        result.Version.ShouldBeNull();
        (await _db.Models.CountAsync()).ShouldBe(0);
        live.Predict(new Dictionary<string, double>(), "X", "EURUSD").ShouldBeNull();
    }

    [Fact]
    public async Task TrainFromStore_WithEnoughSignals_PromotesAModelThatScoresWithItsVersion_AndSkipsUnreadableRows()
    {
        var (training, live) = Training();
        var rows = SyntheticSignals.Generate(1200, 6, SyntheticSignals.Smooth);
        Store(rows);
        var broken = await _db.Signals.OrderBy(s => s.CreatedMs).FirstAsync();
        broken.FeaturesJson = "{not json";
        await _db.SaveChangesAsync();

        var result = await training.TrainFromStoreAsync(default);

        result.Ok.ShouldBeTrue();
        result.Promoted.ShouldBeTrue();
        result.LabelledRows.ShouldBe(1199);
        var scored = live.Predict(rows[5].Features, rows[5].Pattern, rows[5].Symbol)!.Value;
        scored.Version.ShouldBe(result.Version);
        scored.Probability.ShouldBeInRange(0.0, 1.0);
        var stored = await _db.Models.AsNoTracking().SingleAsync();
        stored.TrainingRows.ShouldBe(719);
        stored.HeldOutRows.ShouldBe(240);
        stored.FromMs.ShouldBe(await _db.Signals.Where(s => s.Id != broken.Id).MinAsync(s => s.CreatedMs));
        stored.ToMs.ShouldBe(await _db.Signals.MaxAsync(s => s.CreatedMs));
        using var metrics = JsonDocument.Parse(stored.MetricsJson);
        metrics.RootElement.GetProperty("calibration").GetArrayLength().ShouldBe(10);
    }

    [Fact]
    public async Task Loader_AtStartAndOnEachCheck_FollowsTheRegistrysCurrentModel()
    {
        var path = _directory.Combine("signals.db");
        await using var services = new ServiceCollection().AddDbContext<SignalsDbContext>(o => o.UseSqlite($"Data Source={path};Pooling=False")).BuildServiceProvider();
        var live = new LiveWinModel();
        var loader = new WinModelLoader(live, services.GetRequiredService<IServiceScopeFactory>(), _time, NullLogger<WinModelLoader>.Instance);
        var registry = new ModelRegistry(_db);
        var first = Train(SyntheticSignals.Smooth, 1, 0);
        await registry.RegisterAsync(first, "test", 1, default);

        await loader.StartAsync(default);
        live.Current!.Version.ShouldBe(first.Model.Version);

        var second = Train(SyntheticSignals.Smooth, 1, 1);
        await registry.RegisterAsync(second, "another process", 2, default);
        await loader.RefreshAsync(default);
        live.Current!.Version.ShouldBe(second.Model.Version);

        await registry.RollbackAsync(null, 3, default);
        await loader.RefreshAsync(default);
        live.Current!.Version.ShouldBe(first.Model.Version);
        await loader.StopAsync(default);
    }

    [Fact]
    public async Task TrainFromFile_ThatIsMalformed_FailsWithTheLine()
    {
        var (training, _) = Training();
        var path = _directory.Combine("rows.jsonl");
        await File.WriteAllTextAsync(path, "{\"id\":\"a\",\"created_ms\":1,\"symbol\":\"EURUSD\",\"pattern\":\"P\",\"outcome\":\"WIN\",\"features\":{}}\n{oops\n");

        var result = await training.TrainFromFileAsync(path, default);

        result.Ok.ShouldBeFalse();
        result.Message.ShouldContain("rows.jsonl:2");
    }

    public void Dispose()
    {
        _db.Dispose();
        _meters.Dispose();
        _directory.Dispose();
    }

    private TrainedWinModel Train(Func<IReadOnlyDictionary<string, double>, string, double> rule, ulong seed, int minute) =>
        WinModelTrainer.Train(SyntheticSignals.Generate(2000, seed, rule), Options, _time.GetUtcNow().AddMinutes(minute))!;

    private (WinModelTraining Training, LiveWinModel Live) Training()
    {
        var live = new LiveWinModel();
        var options = new SignalsOptions();
        var training = new WinModelTraining(_db, new ModelRegistry(_db), live, options, new MlMetrics(_meters.GetRequiredService<IMeterFactory>(), live), _time, NullLogger<WinModelTraining>.Instance);
        return (training, live);
    }

    private void Store(IEnumerable<LabelledSignal> rows, SignalOutcome? outcome = null)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var i = 0;
        foreach (var row in rows)
        {
            _db.Signals.Add(new SignalRecord
            {
                Id = row.Id,
                Symbol = row.Symbol,
                Pattern = row.Pattern,
                CreatedMs = now - 86_400_000L + (i++ * 1000L),
                FeaturesJson = JsonSerializer.Serialize(row.Features),
                Status = (int)SignalStatus.Resolved,
                Outcome = (int)(outcome ?? (row.Win ? SignalOutcome.Win : SignalOutcome.Loss)),
            });
        }

        _db.SaveChanges();
    }
}
