using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Bitten.Bench.Load;

/// <summary>
/// Every timestamp the driver observes (Stopwatch ticks, one clock for all of them: the EAs, the SSE clients and the
/// virtual users live in this process), joined by id at the end, plus HTTP timings per endpoint and error counts.
/// </summary>
internal sealed class Recorder
{
    /// <summary>Signal id → when the signal arrived on SUB 5557, and its created_ts_ms (the triggering tick's ts_ms).</summary>
    public ConcurrentDictionary<string, (long ReceivedTicks, long CreatedMs, long ReceivedUnixMs)> Signals { get; } = new(StringComparer.Ordinal);

    /// <summary>Signal id → user index → arrival of that client's first <c>event: mission</c> for it (a repeat is counted).</summary>
    public ConcurrentDictionary<string, ConcurrentDictionary<int, long>> MissionFrames { get; } = new(StringComparer.Ordinal);

    /// <summary>Mission id → when the virtual user sent POST …/fire.</summary>
    public ConcurrentDictionary<string, long> FireRequested { get; } = new(StringComparer.Ordinal);

    /// <summary>Fire id → mission id (from the 202 answer).</summary>
    public ConcurrentDictionary<string, string> FireMission { get; } = new(StringComparer.Ordinal);

    /// <summary>Fire id → when its EA read the fire command.</summary>
    public ConcurrentDictionary<string, long> FireAtEa { get; } = new(StringComparer.Ordinal);

    /// <summary>Fire id → when its EA sent the confirmation.</summary>
    public ConcurrentDictionary<string, long> Confirmed { get; } = new(StringComparer.Ordinal);

    /// <summary>Mission id → when the user's SSE client read its mission_state FILLED.</summary>
    public ConcurrentDictionary<string, long> FillOnStream { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, ConcurrentBag<double>> Http { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Expected refusals by rule (HTTP 422 with a reason: daily tactic shots, slots, …): not errors, but reported.</summary>
    public ConcurrentDictionary<string, long> Refusals { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, long> Counters { get; } = new(StringComparer.Ordinal);

    public bool Measuring { get; set; }

    public void Error(string what, string? detail = null)
    {
        Errors.AddOrUpdate(what, 1, (_, n) => n + 1);
        if (detail is not null && Errors[what] <= 3)
        {
            Console.Error.WriteLine($"error {what}: {detail}");
        }
    }

    public void Count(string what, long by = 1) => Counters.AddOrUpdate(what, by, (_, n) => n + by);

    public void Refused(string reason) => Refusals.AddOrUpdate(reason, 1, (_, n) => n + 1);

    public void HttpTiming(string endpoint, long started)
    {
        if (Measuring)
        {
            Http.GetOrAdd(endpoint, _ => []).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    public static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    public static JsonObject Summary(IEnumerable<double> values, string? goal = null)
    {
        var sorted = values.Order().ToArray();
        var o = new JsonObject { ["count"] = sorted.Length };
        if (sorted.Length > 0)
        {
            o["p50_ms"] = Q(sorted, 0.50);
            o["p90_ms"] = Q(sorted, 0.90);
            o["p99_ms"] = Q(sorted, 0.99);
            o["max_ms"] = Math.Round(sorted[^1], 2);
        }

        if (goal is not null)
        {
            o["goal"] = goal;
        }

        return o;
    }

    public static double Q(double[] sorted, double q) => Math.Round(sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)], 2);
}
