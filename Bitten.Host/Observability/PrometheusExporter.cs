using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Bitten.Host.Observability;

/// <summary>
/// Collects every instrument created through this host's <see cref="IMeterFactory"/> with a
/// <see cref="MeterListener"/> and renders them in the Prometheus text exposition format (0.0.4):
/// counters as <c>_total</c>, gauges, and histograms with cumulative <c>_bucket</c>, <c>_sum</c>, <c>_count</c>.
/// Meters from other factories (other hosts in the same test process) are ignored; unscoped meters named
/// <c>Bitten.*</c> (libraries without DI, such as the ZeroMQ transport) are included.
/// </summary>
internal sealed partial class PrometheusExporter : IDisposable
{
    internal static readonly double[] DefaultBuckets = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentSeries> _instruments = new();
    private readonly Lock _scrapeLock = new();

    public PrometheusExporter(IMeterFactory meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // This host's instruments, plus static meters of our libraries that have no DI (Bitten.Zmq).
            if (ReferenceEquals(instrument.Meter.Scope, meters)
                || (instrument.Meter.Scope is null && instrument.Meter.Name.StartsWith("Bitten.", StringComparison.Ordinal)))
            {
                listener.EnableMeasurementEvents(instrument, _instruments.GetOrAdd(instrument, InstrumentSeries.For));
            }
        };
        _listener.MeasurementsCompleted = (instrument, _) => _instruments.TryRemove(instrument, out InstrumentSeries? _);
        _listener.SetMeasurementEventCallback<double>(static (i, v, tags, state) => ((InstrumentSeries)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<float>(static (i, v, tags, state) => ((InstrumentSeries)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<long>(static (i, v, tags, state) => ((InstrumentSeries)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<int>(static (i, v, tags, state) => ((InstrumentSeries)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<short>(static (i, v, tags, state) => ((InstrumentSeries)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<byte>(static (i, v, tags, state) => ((InstrumentSeries)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<decimal>(static (i, v, tags, state) => ((InstrumentSeries)state!).Record((double)v, tags));
        _listener.Start();
    }

    /// <summary>Observes the observable instruments and renders everything.</summary>
    public string Scrape()
    {
        lock (_scrapeLock)
        {
            _listener.RecordObservableInstruments();
            var text = new StringBuilder(4096);
            foreach (var group in _instruments.Values.GroupBy(s => s.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var first = group.First();
                text.Append("# HELP ").Append(first.Name).Append(' ').Append(EscapeHelp(first.Description)).Append('\n');
                text.Append("# TYPE ").Append(first.Name).Append(' ').Append(first.TypeName).Append('\n');
                foreach (var series in group)
                {
                    series.WriteTo(text);
                }
            }

            return text.ToString();
        }
    }

    /// <summary>Instruments listened to and label sets (series) held: label cardinality shows here first.</summary>
    public (int Instruments, int Series, string? Largest, int LargestSeries) Cardinality()
    {
        var all = _instruments.Values.ToList();
        var largest = all.MaxBy(s => s.SeriesCount);
        return (all.Count, all.Sum(s => s.SeriesCount), largest?.Name, largest?.SeriesCount ?? 0);
    }

    public void Dispose() => _listener.Dispose();

    internal static string MetricName(string name, bool isCounter)
    {
        var sanitized = new StringBuilder(name.Length + 6);
        foreach (var c in name)
        {
            sanitized.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or ':' ? c : '_');
        }

        if (sanitized.Length == 0 || char.IsAsciiDigit(sanitized[0]))
        {
            sanitized.Insert(0, '_');
        }

        var result = sanitized.ToString();
        return isCounter && !result.EndsWith("_total", StringComparison.Ordinal) ? result + "_total" : result;
    }

    internal static string Format(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf" :
        double.IsNegativeInfinity(value) ? "-Inf" :
        double.IsNaN(value) ? "NaN" : value.ToString("R", CultureInfo.InvariantCulture);

    private static string EscapeHelp(string? help) =>
        (help ?? string.Empty).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
