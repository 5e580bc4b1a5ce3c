namespace Bitten.Modules.Signals.Ml;

/// <summary>One decile of predicted probability on the held-out rows: mean predicted vs observed win rate.</summary>
internal sealed record CalibrationBin(int Decile, int Count, double MeanPredicted, double ObservedWinRate);

/// <summary>A model's held-out scores (DOMAIN §7).</summary>
internal sealed record ModelMetrics(double Auc, double LogLoss, double Brier, IReadOnlyList<CalibrationBin> Calibration, int Rows, double BaseRate)
{
    public static ModelMetrics Of(ReadOnlySpan<double> probabilities, ReadOnlySpan<float> labels) =>
        new(Metrics.Auc(probabilities, labels), Metrics.LogLoss(probabilities, labels), Metrics.Brier(probabilities, labels),
            Metrics.Deciles(probabilities, labels), labels.Length, labels.Length == 0 ? double.NaN : Metrics.Mean(labels));
}

/// <summary>AUC, log-loss, Brier score and the calibration table by decile.</summary>
internal static class Metrics
{
    public const double Epsilon = 1e-15;

    /// <summary>Area under the ROC curve (Mann–Whitney, ties counted half); NaN when one class is absent.</summary>
    public static double Auc(ReadOnlySpan<double> scores, ReadOnlySpan<float> labels)
    {
        var n = scores.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var keys = scores.ToArray();
        Array.Sort(keys, order);
        double positives = 0, rankSum = 0;
        var k = 0;
        while (k < n)
        {
            var end = k;
            while (end + 1 < n && keys[end + 1] == keys[k])
            {
                end++;
            }

            var rank = ((k + end) / 2.0) + 1; // mean rank of the tie group
            for (var j = k; j <= end; j++)
            {
                if (labels[order[j]] > 0.5f)
                {
                    positives++;
                    rankSum += rank;
                }
            }

            k = end + 1;
        }

        var negatives = n - positives;
        return positives == 0 || negatives == 0 ? double.NaN : (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }

    public static double LogLoss(ReadOnlySpan<double> p, ReadOnlySpan<float> labels)
    {
        double sum = 0;
        for (var i = 0; i < p.Length; i++)
        {
            var q = Math.Clamp(p[i], Epsilon, 1 - Epsilon);
            sum -= labels[i] > 0.5f ? Math.Log(q) : Math.Log(1 - q);
        }

        return p.Length == 0 ? double.NaN : sum / p.Length;
    }

    public static double Brier(ReadOnlySpan<double> p, ReadOnlySpan<float> labels)
    {
        double sum = 0;
        for (var i = 0; i < p.Length; i++)
        {
            var d = p[i] - labels[i];
            sum += d * d;
        }

        return p.Length == 0 ? double.NaN : sum / p.Length;
    }

    public static double Mean(ReadOnlySpan<float> values)
    {
        double sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    /// <summary>Rows sorted by predicted probability and cut into ten equal-count groups.</summary>
    public static IReadOnlyList<CalibrationBin> Deciles(ReadOnlySpan<double> p, ReadOnlySpan<float> labels)
    {
        var n = p.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var keys = p.ToArray();
        Array.Sort(keys, order);
        var result = new List<CalibrationBin>(10);
        for (var d = 0; d < 10; d++)
        {
            var from = (int)((long)d * n / 10);
            var to = (int)((long)(d + 1) * n / 10);
            if (to <= from)
            {
                continue;
            }

            double sp = 0, sy = 0;
            for (var j = from; j < to; j++)
            {
                sp += keys[j];
                sy += labels[order[j]];
            }

            result.Add(new CalibrationBin(d + 1, to - from, sp / (to - from), sy / (to - from)));
        }

        return result;
    }
}
