using System.Diagnostics.Metrics;

namespace Bitten.Modules.Signals.Ml;

/// <summary>The ML filter's instruments (meter <c>Bitten.Signals</c>).</summary>
internal sealed class MlMetrics
{
    public MlMetrics(IMeterFactory meters, LiveWinModel live)
    {
        var meter = meters.Create("Bitten.Signals");
        Trainings = meter.CreateCounter<long>("bitten_ml_trainings", description: "Model trainings, by result (promoted, rejected, too_few_rows, failed)");
        RowsSkipped = meter.CreateCounter<long>("bitten_ml_training_rows_skipped", description: "Resolved signals left out of training because their stored features could not be read");
        meter.CreateObservableGauge("bitten_ml_model_loaded", () => live.Current is null ? 0 : 1, description: "1 when a promoted model scores signals, 0 when the pattern prior stands");
    }

    public Counter<long> Trainings { get; }

    public Counter<long> RowsSkipped { get; }

    public void Trained(string result) => Trainings.Add(1, new KeyValuePair<string, object?>("result", result));
}
