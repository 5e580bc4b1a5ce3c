using System.Globalization;
using System.Text.Json.Nodes;

namespace Bitten.Bench.Load;

/// <summary>Reads the host's Prometheus text (/metrics): single values, histogram quantiles, and non-zero problem counters.</summary>
internal static class HostMetrics
{
    private static readonly string[] ProblemWords = ["drop", "reject", "fail", "error", "refused", "timeout", "unconfirmed", "lost", "overflow"];

    public static double Value(string text, string name)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(name + " ", StringComparison.Ordinal) || (!name.Contains('{', StringComparison.Ordinal) && line.StartsWith(name + "{", StringComparison.Ordinal)))
            {
                return double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return double.NaN;
    }

    /// <summary>Every series whose name says it counts a problem, with a non-zero value.</summary>
    public static JsonObject Problems(string text)
    {
        var result = new JsonObject();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#' || line.Contains("_bucket{", StringComparison.Ordinal))
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            var series = line[..space];
            var name = series.Split('{')[0];
            if (!ProblemWords.Any(w => name.Contains(w, StringComparison.Ordinal)) || !double.TryParse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v == 0)
            {
                continue;
            }

            result[series] = v;
        }

        return result;
    }

    /// <summary>Series whose name starts with one of the prefixes (all values), for context in the result.</summary>
    public static JsonObject Select(string text, params string[] prefixes)
    {
        var result = new JsonObject();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#' || line.Contains("_bucket{", StringComparison.Ordinal) || !prefixes.Any(p => line.StartsWith(p, StringComparison.Ordinal)))
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            if (double.TryParse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                result[line[..space]] = v;
            }
        }

        return result;
    }

    /// <summary>p50/p99/count from a histogram's buckets (summed over labels), interpolated as Prometheus' histogram_quantile.</summary>
    public static JsonObject Histogram(string text, string name, string? goal = null)
    {
        var buckets = new SortedDictionary<double, double>();
        double sum = 0;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(name + "_bucket{", StringComparison.Ordinal))
            {
                var le = line[(line.IndexOf("le=\"", StringComparison.Ordinal) + 4)..];
                var bound = le[..le.IndexOf('"', StringComparison.Ordinal)];
                var value = double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
                var key = bound == "+Inf" ? double.PositiveInfinity : double.Parse(bound, CultureInfo.InvariantCulture);
                buckets[key] = buckets.GetValueOrDefault(key) + value;
            }
            else if (line.StartsWith(name + "_sum", StringComparison.Ordinal))
            {
                sum += double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }

        var total = buckets.Count == 0 ? 0 : buckets.Last().Value;
        double Q(double q)
        {
            var rank = q * total;
            double lower = 0, below = 0;
            foreach (var (bound, cumulative) in buckets)
            {
                if (cumulative >= rank)
                {
                    return double.IsPositiveInfinity(bound) ? lower : Math.Round(lower + ((bound - lower) * (rank - below) / Math.Max(1, cumulative - below)), 2);
                }

                (lower, below) = (bound, cumulative);
            }

            return lower;
        }

        var o = new JsonObject { ["count"] = total };
        if (total > 0)
        {
            o["p50_ms"] = Q(0.5);
            o["p99_ms"] = Q(0.99);
            o["mean_ms"] = Math.Round(sum / total, 2);
        }

        if (goal is not null)
        {
            o["goal"] = goal;
        }

        o["source"] = $"host histogram {name} (bucket-interpolated)";
        return o;
    }
}
