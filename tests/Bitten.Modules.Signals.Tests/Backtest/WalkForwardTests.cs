using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Backtest;
using Bitten.Modules.Signals.Engine;
using Bitten.Modules.Signals.Replay;

namespace Bitten.Modules.Signals.Tests.Backtest;

/// <summary>The walk-forward seam: a trainer sees only outcomes known before the split, and its model scores only after it.</summary>
public sealed class WalkForwardTests
{
    [SharedDataFact("fx/histdata_eurusd_m1_2017")]
    public void Run_WhenATrainerIsPlugged_TrainsOnTheFirstPartOnlyAndScoresTheRestWithItsModel()
    {
        var settings = BacktestRuns.Settings(to: new DateTimeOffset(2017, 2, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds());
        var trainer = new FixedTrainer();

        var result = WalkForward.Run(() => ReplaySource.Open([BacktestRuns.HistDataFolder], settings.Replay), settings, 0.5, trainer);

        trainer.Seen.ShouldNotBeEmpty();
        trainer.Seen.ShouldAllBe(s => s.CreatedMs < result.SplitMs && s.ResolvedMs < result.SplitMs && (s.Outcome == SignalOutcome.Win || s.Outcome == SignalOutcome.Loss));
        trainer.Seen.ShouldAllBe(s => s.Signal.Features.ContainsKey("tcs"));
        result.ModelUsed.ShouldBeTrue();
        result.OutOfSample.ShouldNotBeEmpty();
        result.OutOfSample.ShouldAllBe(s => s.Signal.ModelVersion == "fixed-0.61" && s.Signal.WinProbability == 0.61);
        result.Run.Signals.Where(s => s.CreatedMs < result.SplitMs).ShouldAllBe(s => s.Signal.ModelVersion == null, "before the split the prior stands");
    }

    private sealed class FixedTrainer : IWinProbabilityTrainer
    {
        public List<BacktestSignal> Seen { get; } = [];

        public IWinProbabilityModel? Train(IReadOnlyList<BacktestSignal> labelled)
        {
            Seen.AddRange(labelled);
            return new Fixed();
        }
    }

    private sealed class Fixed : IWinProbabilityModel
    {
        public (double Probability, string Version)? Predict(IReadOnlyDictionary<string, double> features, string pattern, string symbol) => (0.61, "fixed-0.61");
    }
}
