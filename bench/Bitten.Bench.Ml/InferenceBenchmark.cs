using BenchmarkDotNet.Attributes;
using Bitten.Modules.Signals.Ml;

namespace Bitten.Bench.Ml;

/// <summary>
/// One signal's calibrated win probability from its stored feature dictionary, as the engine asks for it:
/// schema extraction (dictionary look-ups, category codes) + the trees + the isotonic map. The model has
/// the largest size production training can give (GbdtOptions defaults: depth 4, 300 rounds, here without
/// early stopping), trained on the synthetic set's first 20,000 rows.
/// </summary>
[MemoryDiagnoser]
public class InferenceBenchmark
{
    private WinModel _model = null!;
    private Dictionary<string, double>[] _features = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var data = Synthetic.Generate(20_000, 5);
        var schema = new FeatureSchema(FeatureSchema.CurrentVersion, ["FAIR_VALUE_GAP_FILL", "LIQUIDITY_SWEEP_REVERSAL"], ["EURUSD", "GBPUSD"], FeatureSchema.NumericNames);
        var x = new float[data.Rows * schema.Count];
        for (var i = 0; i < data.Rows; i++)
        {
            for (var f = 0; f < schema.Count; f++)
            {
                x[(i * schema.Count) + f] = data.X[(i * data.Features) + f];
            }
        }

        var trees = GbdtTrainer.Train(new Dataset(x, data.Y, schema.Count), null, new GbdtOptions { EarlyStoppingRounds = 0 }).Ensemble;
        var raw = Enumerable.Range(0, 2000).Select(i => trees.Probability(x.AsSpan(i * schema.Count, schema.Count))).ToArray();
        _model = new WinModel("bench", schema, trees, IsotonicCalibration.Fit(raw, data.Y.AsSpan(0, 2000)));
        _features = [.. Enumerable.Range(0, 256).Select(i => schema.Numeric.Select((name, j) => (name, v: (double)x[(i * schema.Count) + j + 2])).ToDictionary(p => p.name, p => p.v, StringComparer.Ordinal))];
    }

    [Benchmark(Description = "WinModel.Predict (one signal)")]
    public double Predict()
    {
        var f = _features[_next++ & 255];
        return _model.Predict(f, "LIQUIDITY_SWEEP_REVERSAL", "EURUSD");
    }
}
