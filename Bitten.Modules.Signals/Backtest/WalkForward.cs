using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Engine;
using Bitten.Modules.Signals.Replay;

namespace Bitten.Modules.Signals.Backtest;

/// <summary>
/// The seam for a win-probability model trained from a backtest (DOMAIN §7): labelled signals — the engine's
/// recorded features, WIN 1 / LOSS 0, timeouts left out — in, a model (or none, too few outcomes) out.
/// The ML trainer implements it; until one exists, the host's verb offers no walk-forward option.
/// </summary>
internal interface IWinProbabilityTrainer
{
    IWinProbabilityModel? Train(IReadOnlyList<BacktestSignal> labelled);
}

/// <summary>
/// Walk-forward: a first pass over the whole period without a model labels the signals; the model is trained
/// on those created and resolved before the split (no outcome from after the split leaks in); a second pass
/// over the same data scores with it from the split on (the engine is warm there), and only the signals
/// created after the split are reported — out of sample.
/// </summary>
internal static class WalkForward
{
    public static WalkForwardResult Run(Func<ReplaySource> open, BacktestSettings settings, double trainFraction, IWinProbabilityTrainer trainer, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(trainFraction, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(trainFraction, 1);
        BacktestResult first;
        using (var source = open())
        {
            first = BacktestRunner.Run(source, settings, cancellationToken: cancellationToken);
        }

        var split = first.FirstTsMs + (long)((first.LastTsMs - first.FirstTsMs) * trainFraction);
        var training = first.Signals.Where(s => s.CreatedMs < split && s.ResolvedMs < split && s.Outcome is SignalOutcome.Win or SignalOutcome.Loss).ToList();
        var model = trainer.Train(training);
        BacktestResult second;
        using (var source = open())
        {
            second = BacktestRunner.Run(source, settings, model is null ? null : new ModelFrom(model, split), cancellationToken: cancellationToken);
        }

        return new WalkForwardResult(split, training.Count, model is not null, second, [.. second.Signals.Where(s => s.CreatedMs >= split)]);
    }
}

/// <summary>A walk-forward run: where the split fell, what was trained on, and the out-of-sample signals.</summary>
internal sealed record WalkForwardResult(long SplitMs, int TrainedOn, bool ModelUsed, BacktestResult Run, IReadOnlyList<BacktestSignal> OutOfSample);

/// <summary>A model that answers only from a moment of the replay on (the runner moves <see cref="NowMs"/> with the data).</summary>
internal sealed class ModelFrom(IWinProbabilityModel inner, long fromMs) : IWinProbabilityModel
{
    public long NowMs { get; set; } = long.MinValue;

    public (double Probability, string Version)? Predict(IReadOnlyDictionary<string, double> features, string pattern, string symbol) =>
        NowMs >= fromMs ? inner.Predict(features, pattern, symbol) : null;
}
