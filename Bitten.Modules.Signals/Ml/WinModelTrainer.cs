using System.Globalization;

namespace Bitten.Modules.Signals.Ml;

/// <summary>A resolved signal as a training example: its stored features and whether it won (TIMEOUTs are left out before).</summary>
internal sealed record LabelledSignal(string Id, long CreatedMs, string Pattern, string Symbol, IReadOnlyDictionary<string, double> Features, bool Win);

/// <summary>A freshly trained model with its held-out scores and the rows they were measured on.</summary>
internal sealed record TrainedWinModel(
    WinModel Model,
    ModelMetrics HeldOut,
    int TrainingRows,
    int CalibrationRows,
    int Rounds,
    long FromMs,
    long ToMs,
    IReadOnlyList<LabelledSignal> HeldOutRows);

/// <summary>
/// DOMAIN §7 training: rows in time order, the first 80 % to fit and the last 20 % held out for the metrics
/// and the promotion decision. Of the first 80 %, the earlier three quarters grow the trees and the later
/// quarter (a later slice of time than anything the trees saw) stops the boosting and fits the isotonic
/// calibration. Fewer than <see cref="MinimumRows"/> labelled rows: no model.
/// </summary>
internal static class WinModelTrainer
{
    public const int MinimumRows = 300;

    public static TrainedWinModel? Train(IEnumerable<LabelledSignal> signals, GbdtOptions options, DateTimeOffset trainedAt)
    {
        var rows = signals.OrderBy(s => s.CreatedMs).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        if (rows.Count < MinimumRows)
        {
            return null;
        }

        var fitEnd = (int)(rows.Count * 0.8);
        var trainEnd = (int)(fitEnd * 0.75);
        var fitRows = rows.Take(fitEnd).ToList();
        var schema = FeatureSchema.For(fitRows.Select(r => r.Pattern), fitRows.Select(r => r.Symbol));
        var all = ToDataset(schema, rows);
        var train = all.Slice(0, trainEnd);
        var calibration = all.Slice(trainEnd, fitEnd - trainEnd);
        var test = all.Slice(fitEnd, rows.Count - fitEnd);

        var boosted = GbdtTrainer.Train(train, calibration, options);
        var raw = new double[calibration.Rows];
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = boosted.Ensemble.Probability(calibration.Row(i));
        }

        var isotonic = IsotonicCalibration.Fit(raw, calibration.Y);
        var version = "gbdt-" + trainedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        var model = new WinModel(version, schema, boosted.Ensemble, isotonic);
        var heldOut = rows.Skip(fitEnd).ToList();
        return new TrainedWinModel(model, Score(model, heldOut), trainEnd, fitEnd - trainEnd, boosted.Rounds, rows[0].CreatedMs, rows[^1].CreatedMs, heldOut);
    }

    /// <summary>A model's calibrated metrics on the given rows (used to compare a candidate with the current model on the same rows).</summary>
    public static ModelMetrics Score(WinModel model, IReadOnlyList<LabelledSignal> rows)
    {
        var p = new double[rows.Count];
        var y = new float[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            p[i] = model.Predict(rows[i].Features, rows[i].Pattern, rows[i].Symbol);
            y[i] = rows[i].Win ? 1 : 0;
        }

        return ModelMetrics.Of(p, y);
    }

    public static Dataset ToDataset(FeatureSchema schema, IReadOnlyList<LabelledSignal> rows)
    {
        var x = new float[rows.Count * schema.Count];
        var y = new float[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            schema.Extract(rows[i].Features, rows[i].Pattern, rows[i].Symbol, x.AsSpan(i * schema.Count, schema.Count));
            y[i] = rows[i].Win ? 1 : 0;
        }

        return new Dataset(x, y, schema.Count);
    }
}
