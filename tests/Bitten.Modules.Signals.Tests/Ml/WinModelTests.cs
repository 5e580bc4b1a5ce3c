using Bitten.Modules.Signals.Ml;

namespace Bitten.Modules.Signals.Tests.Ml;

public sealed class WinModelTests
{
    private static readonly DateTimeOffset TrainedAt = new(2026, 11, 22, 0, 30, 0, TimeSpan.Zero);
    private static readonly GbdtOptions Options = new() { Rounds = 200, MaxDepth = 4, LearningRate = 0.1, Subsample = 0.8, ColSample = 0.8, Seed = 7 };

    [Fact]
    public void Gbdt_OnANonLinearRule_HasAHigherHeldOutAucThanLogisticRegression()
    {
        var rows = SyntheticSignals.Generate(6000, 1, SyntheticSignals.NonLinear);
        var schema = FeatureSchema.For(SyntheticSignals.Patterns, SyntheticSignals.Symbols);
        var data = WinModelTrainer.ToDataset(schema, rows);
        var (train, validation, test) = (data.Slice(0, 3600), data.Slice(3600, 1200), data.Slice(4800, 1200));

        var gbdt = GbdtTrainer.Train(train, validation, Options).Ensemble;
        var lr = LogisticRegression.Fit(train);

        var gbdtAuc = Auc(test, gbdt.Probability);
        var lrAuc = Auc(test, lr.Probability);
        gbdtAuc.ShouldBeGreaterThan(0.75, "the rule's best AUC is about 0.83");
        gbdtAuc.ShouldBeGreaterThan(lrAuc + 0.15, $"LR AUC {lrAuc:0.000}");
    }

    [Fact]
    public void Train_WithFewerThan300LabelledRows_GivesNoModel()
    {
        WinModelTrainer.Train(SyntheticSignals.Generate(299, 2, SyntheticSignals.Smooth), Options, TrainedAt).ShouldBeNull();
        WinModelTrainer.Train(SyntheticSignals.Generate(300, 2, SyntheticSignals.Smooth), Options, TrainedAt).ShouldNotBeNull();
    }

    [Fact]
    public void Train_OnASmoothRule_PredictsDecilesThatMatchObservedFrequenciesWithinSamplingError()
    {
        var trained = WinModelTrainer.Train(SyntheticSignals.Generate(20_000, 3, SyntheticSignals.Smooth), Options, TrainedAt)!;

        trained.HeldOut.Rows.ShouldBe(4000);
        trained.HeldOut.Calibration.Count.ShouldBe(10);
        var rowsPerCalibrationBlock = trained.CalibrationRows / (double)IsotonicCalibration.MaximumBlocks;
        foreach (var bin in trained.HeldOut.Calibration)
        {
            // two binomial errors: the held-out decile's and that of the calibration block that set its level
            var variance = bin.MeanPredicted * (1 - bin.MeanPredicted);
            var se = Math.Sqrt((variance / bin.Count) + (variance / rowsPerCalibrationBlock));
            Math.Abs(bin.MeanPredicted - bin.ObservedWinRate).ShouldBeLessThan(3 * se, $"decile {bin.Decile}");
        }

        trained.HeldOut.Calibration.Average(b => Math.Abs(b.MeanPredicted - b.ObservedWinRate)).ShouldBeLessThan(0.03);
        trained.HeldOut.Calibration[9].ObservedWinRate.ShouldBeGreaterThan(trained.HeldOut.Calibration[0].ObservedWinRate + 0.3, "the model separates");
        trained.HeldOut.Brier.ShouldBeLessThan(0.25);
    }

    [Fact]
    public void Isotonic_OnOverconfidentScores_MakesDecilesMatchObservedFrequencies()
    {
        // the raw score claims p^0.3: far too confident of a win; the truth is p
        var rng = new SplitMix64(11);
        var (fit, check) = (Sample(20_000), Sample(5_000));
        (double[] Raw, float[] Y) Sample(int n)
        {
            var raw = new double[n];
            var y = new float[n];
            for (var i = 0; i < n; i++)
            {
                var p = rng.NextDouble();
                raw[i] = Math.Pow(p, 0.3);
                y[i] = rng.NextDouble() < p ? 1 : 0;
            }

            return (raw, y);
        }

        var isotonic = IsotonicCalibration.Fit(fit.Raw, fit.Y);
        var calibrated = check.Raw.Select(isotonic.Apply).ToArray();

        Metrics.Deciles(check.Raw, check.Y).Max(b => Math.Abs(b.MeanPredicted - b.ObservedWinRate)).ShouldBeGreaterThan(0.2, "raw scores are miscalibrated");
        foreach (var bin in Metrics.Deciles(calibrated, check.Y))
        {
            var se = Math.Sqrt(Math.Max(bin.MeanPredicted * (1 - bin.MeanPredicted), 0.01) / bin.Count);
            Math.Abs(bin.MeanPredicted - bin.ObservedWinRate).ShouldBeLessThan(3 * se + 0.01, $"decile {bin.Decile}");
        }

        Metrics.LogLoss(calibrated, check.Y).ShouldBeLessThan(Metrics.LogLoss(check.Raw, check.Y));
    }

    [Fact]
    public void Model_AfterSaveAndLoad_IsBitForBitTheSame()
    {
        var rows = SyntheticSignals.Generate(2000, 4, SyntheticSignals.NonLinear);
        var model = WinModelTrainer.Train(rows, Options, TrainedAt)!.Model;

        var bytes = model.Serialize();
        var loaded = WinModel.Deserialize(bytes);

        loaded.Serialize().ShouldBe(bytes);
        loaded.Version.ShouldBe(model.Version);
        foreach (var row in rows.Take(500))
        {
            BitConverter.DoubleToInt64Bits(loaded.Predict(row.Features, row.Pattern, row.Symbol))
                .ShouldBe(BitConverter.DoubleToInt64Bits(model.Predict(row.Features, row.Pattern, row.Symbol)));
        }
    }

    [Fact]
    public void Deserialize_OfDamagedBytes_ThrowsInvalidData()
    {
        var bytes = WinModelTrainer.Train(SyntheticSignals.Generate(400, 5, SyntheticSignals.Smooth), Options, TrainedAt)!.Model.Serialize();

        Should.Throw<InvalidDataException>(() => WinModel.Deserialize(bytes[..^5]));
        Should.Throw<InvalidDataException>(() => WinModel.Deserialize([1, 2, 3, 4, 5, 6, 7, 8]));
    }

    [Fact]
    public void Train_WithTheSameSeed_IsDeterministic_AndAnotherSeedDiffers()
    {
        var rows = SyntheticSignals.Generate(3000, 6, SyntheticSignals.NonLinear);

        var first = WinModelTrainer.Train(rows, Options, TrainedAt)!.Model.Serialize();
        var second = WinModelTrainer.Train(rows.AsEnumerable().Reverse(), Options, TrainedAt)!.Model.Serialize();
        var otherSeed = WinModelTrainer.Train(rows, Options with { Seed = 8 }, TrainedAt)!.Model.Serialize();

        second.ShouldBe(first);
        otherSeed.ShouldNotBe(first);
    }

    [Fact]
    public void Train_OnPureNoise_StopsEarly()
    {
        var rows = SyntheticSignals.Generate(3000, 9, (_, _) => 0.4);

        var trained = WinModelTrainer.Train(rows, Options with { Rounds = 500, EarlyStoppingRounds = 20 }, TrainedAt)!;

        trained.Rounds.ShouldBeLessThan(100);
        trained.Model.Trees.TreeCount.ShouldBe(trained.Rounds);
    }

    [Fact]
    public void Predict_OnTheHotPath_AllocatesNothing()
    {
        var rows = SyntheticSignals.Generate(1000, 10, SyntheticSignals.Smooth);
        var model = WinModelTrainer.Train(rows, Options, TrainedAt)!.Model;
        var row = rows[0];
        var sum = model.Predict(row.Features, row.Pattern, row.Symbol);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            sum += model.Predict(rows[i].Features, rows[i].Pattern, rows[i].Symbol);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
        sum.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Extract_OfAnUnseenCategoryOrAMissingFeature_IsMissing()
    {
        var schema = FeatureSchema.For(["B", "A"], ["EURUSD"]);
        Span<float> x = stackalloc float[schema.Count];

        schema.Extract(new Dictionary<string, double> { ["tcs"] = 80 }, "B", "XAUUSD", x);

        x[0].ShouldBe(1f, "vocabularies are sorted: A=0, B=1");
        float.IsNaN(x[1]).ShouldBeTrue();
        x[Array.IndexOf(schema.Names, "tcs")].ShouldBe(80f);
        float.IsNaN(x[Array.IndexOf(schema.Names, "rsi")]).ShouldBeTrue();
    }

    private static double Auc(Dataset data, Func<ReadOnlySpan<float>, double> predict) =>
        Metrics.Auc(Enumerable.Range(0, data.Rows).Select(i => predict(data.Row(i))).ToArray(), data.Y);

    private delegate double Predictor(ReadOnlySpan<float> x);
}
