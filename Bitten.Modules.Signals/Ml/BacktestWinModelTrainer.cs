using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Backtest;
using Bitten.Modules.Signals.Engine;

namespace Bitten.Modules.Signals.Ml;

/// <summary>
/// Walk-forward's trainer: the backtest's labelled signals (WIN 1, LOSS 0; the engine's recorded features)
/// through the same <see cref="WinModelTrainer"/> as the daily job. Fewer than 300 rows: no model.
/// </summary>
internal sealed class BacktestWinModelTrainer(TimeProvider time) : IWinProbabilityTrainer
{
    public TrainedWinModel? Last { get; private set; }

    public IWinProbabilityModel? Train(IReadOnlyList<BacktestSignal> labelled)
    {
        var rows = labelled
            .Where(s => s.Outcome is SignalOutcome.Win or SignalOutcome.Loss)
            .Select(s => new LabelledSignal(s.Id, s.CreatedMs, s.Signal.Candidate.Pattern, s.Signal.Symbol, s.Signal.Features, s.Outcome == SignalOutcome.Win));
        Last = WinModelTrainer.Train(rows, WinModelTraining.Parameters, time.GetUtcNow());
        if (Last is null)
        {
            return null;
        }

        var model = new LiveWinModel();
        model.Set(Last.Model);
        return model;
    }
}
