using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;

namespace Bitten.Host.Observability;

internal sealed partial class PrometheusExporter
{
    private enum Aggregation
    {
        Sum,
        LastValue,
        Histogram,
    }

    /// <summary>All label sets of one instrument and how their measurements aggregate.</summary>
    private sealed class InstrumentSeries
    {
        private readonly ConcurrentDictionary<string, Cell> _cells = new(StringComparer.Ordinal);
        private readonly Aggregation _aggregation;
        private readonly double[] _bounds;

        private InstrumentSeries(string name, string typeName, string? description, Aggregation aggregation, double[] bounds)
        {
            Name = name;
            TypeName = typeName;
            Description = description;
            _aggregation = aggregation;
            _bounds = bounds;
        }

        public string Name { get; }

        public string TypeName { get; }

        public string? Description { get; }

        public int SeriesCount => _cells.Count;

        public static InstrumentSeries For(Instrument instrument)
        {
            var type = instrument.GetType();
            var generic = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
            var description = instrument.Description ?? (instrument.Unit is null ? null : $"unit: {instrument.Unit}");
            if (generic == typeof(Counter<>))
            {
                return new(MetricName(instrument.Name, isCounter: true), "counter", description, Aggregation.Sum, []);
            }

            if (generic == typeof(ObservableCounter<>))
            {
                return new(MetricName(instrument.Name, isCounter: true), "counter", description, Aggregation.LastValue, []);
            }

            if (generic == typeof(UpDownCounter<>))
            {
                return new(MetricName(instrument.Name, isCounter: false), "gauge", description, Aggregation.Sum, []);
            }

            if (generic == typeof(Histogram<>))
            {
                return new(MetricName(instrument.Name, isCounter: false), "histogram", description, Aggregation.Histogram, BucketsOf(instrument));
            }

            // ObservableGauge, ObservableUpDownCounter, Gauge: the last observed value.
            return new(MetricName(instrument.Name, isCounter: false), "gauge", description, Aggregation.LastValue, []);
        }

        public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var key = tags.Length == 0 ? string.Empty : LabelKey(tags);
            var cell = _cells.GetOrAdd(key, static (_, n) => new Cell(n), _bounds.Length);
            lock (cell)
            {
                switch (_aggregation)
                {
                    case Aggregation.Sum:
                        cell.Value += value;
                        break;
                    case Aggregation.LastValue:
                        cell.Value = value;
                        break;
                    default:
                        cell.Value += value;
                        cell.Count++;
                        var bucket = Array.BinarySearch(_bounds, value);
                        cell.Buckets[bucket >= 0 ? bucket : ~bucket]++;
                        break;
                }
            }
        }

        public void WriteTo(StringBuilder text)
        {
            foreach (var (labels, cell) in _cells.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                lock (cell)
                {
                    if (_aggregation != Aggregation.Histogram)
                    {
                        Line(text, Name, labels, null, Format(cell.Value));
                        continue;
                    }

                    long cumulative = 0;
                    for (var i = 0; i < _bounds.Length; i++)
                    {
                        cumulative += cell.Buckets[i];
                        Line(text, Name + "_bucket", labels, Format(_bounds[i]), cumulative.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }

                    Line(text, Name + "_bucket", labels, "+Inf", cell.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    Line(text, Name + "_sum", labels, null, Format(cell.Value));
                    Line(text, Name + "_count", labels, null, cell.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        private static void Line(StringBuilder text, string name, string labels, string? le, string value)
        {
            text.Append(name);
            if (labels.Length > 0 || le is not null)
            {
                text.Append('{').Append(labels);
                if (le is not null)
                {
                    text.Append(labels.Length > 0 ? "," : string.Empty).Append("le=\"").Append(le).Append('"');
                }

                text.Append('}');
            }

            text.Append(' ').Append(value).Append('\n');
        }

        private static double[] BucketsOf(Instrument instrument)
        {
            var bounds = instrument switch
            {
                Histogram<double> h => h.Advice?.HistogramBucketBoundaries?.ToArray(),
                Histogram<long> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
                Histogram<int> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
                _ => null,
            };
            return bounds is { Length: > 0 } ? [.. bounds.Order()] : DefaultBuckets;
        }

        private static string LabelKey(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var pairs = tags.ToArray();
            Array.Sort(pairs, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            var key = new StringBuilder();
            foreach (var (name, value) in pairs)
            {
                if (key.Length > 0)
                {
                    key.Append(',');
                }

                key.Append(MetricName(name, isCounter: false)).Append("=\"")
                    .Append(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)?
                        .Replace("\\", "\\\\", StringComparison.Ordinal)
                        .Replace("\"", "\\\"", StringComparison.Ordinal)
                        .Replace("\n", "\\n", StringComparison.Ordinal))
                    .Append('"');
            }

            return key.ToString();
        }
    }

    private sealed class Cell(int buckets)
    {
        public double Value { get; set; }

        public long Count { get; set; }

        public long[] Buckets { get; } = new long[buckets + 1];
    }
}
