using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Bitten.Bench.Zmq;

/// <summary>Samples the runtime's AllocationTick events (one per ~100 KB allocated) by type: where steady-state bytes come from.</summary>
internal sealed class AllocationTrace : EventListener
{
    private readonly ConcurrentDictionary<string, int> _byType = new();

    public bool Enabled { get; set; }

    public IEnumerable<KeyValuePair<string, int>> Top => _byType.OrderByDescending(p => p.Value).Take(10);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!Enabled || eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
        {
            return;
        }

        var index = eventData.PayloadNames?.IndexOf("TypeName") ?? -1;
        if (index >= 0)
        {
            _byType.AddOrUpdate(eventData.Payload[index]?.ToString() ?? "?", 1, (_, n) => n + 1);
        }
    }
}
