using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Bitten.Modules.Users.Tests.Support;

/// <summary>Listens to the long counters created through one <see cref="IMeterFactory"/> and keeps each measurement with its tags.</summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Name, long Value, Dictionary<string, string?> Tags)> _measurements = new();

    public MetricRecorder(IMeterFactory factory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var map = new Dictionary<string, string?>();
            foreach (var tag in tags)
            {
                map[tag.Key] = tag.Value?.ToString();
            }

            _measurements.Enqueue((instrument.Name, value, map));
        });
        _listener.Start();
    }

    public long Sum(string name, params (string Key, string Value)[] tags) =>
        _measurements.Where(m => m.Name == name && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && v == t.Value)).Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();
}
