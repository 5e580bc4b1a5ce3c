using Bitten.Modules.Signals.Ml;
using Bitten.Modules.Signals.Tests.Engine;

namespace Bitten.Modules.Signals.Tests.Ml;

public sealed class EngineScoringTests
{
    [SharedDataFact("fx/histdata_eurusd_m1_2017")]
    public void Engine_WithACurrentModel_StampsItsVersionAndCalibratedProbabilityOnEverySignal()
    {
        var model = WinModelTrainer.Train(SyntheticSignals.Generate(1000, 12, SyntheticSignals.Smooth), new GbdtOptions { Rounds = 50 }, DateTimeOffset.UnixEpoch)!.Model;
        var live = new LiveWinModel();
        live.Set(model);
        var harness = new EngineHarness(initialThreshold: 0, model: live);

        harness.Run(EngineHarness.HistData("01").Take(14_000));

        harness.Signals.Count.ShouldBeGreaterThan(5);
        foreach (var signal in harness.Signals)
        {
            signal.ModelVersion.ShouldBe(model.Version);
            // scored from exactly the features stored with the signal: training reads those back
            signal.WinProbability.ShouldBe(model.Predict(signal.Features, signal.Candidate.Pattern, signal.Symbol));
        }
    }

    [SharedDataFact("fx/histdata_eurusd_m1_2017")]
    public void Engine_WithoutAModel_KeepsThePatternPrior_AndStampsNoVersion()
    {
        var harness = new EngineHarness(initialThreshold: 0, model: new LiveWinModel());

        harness.Run(EngineHarness.HistData("01").Take(14_000));

        harness.Signals.Count.ShouldBeGreaterThan(5);
        harness.Signals.ShouldAllBe(s => s.ModelVersion == null);
    }
}
