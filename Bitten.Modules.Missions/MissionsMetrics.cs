using System.Diagnostics.Metrics;
using Bitten.Modules.Missions.Stream;

namespace Bitten.Modules.Missions;

/// <summary>The module's instruments (meter <c>Bitten.Missions</c>).</summary>
internal sealed class MissionsMetrics
{
    public MissionsMetrics(IMeterFactory meters, MissionStreamHub hub)
    {
        var meter = meters.Create("Bitten.Missions");
        Created = meter.CreateCounter<long>("bitten_missions_created", description: "Missions stored, by fireable (true|false)");
        FanOut = meter.CreateHistogram<double>("bitten_mission_fanout_ms", "ms", "From SignalPublished to every mission stored and announced", tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000] });
        Transitions = meter.CreateCounter<long>("bitten_mission_transitions", description: "Mission state changes won by compare-and-set, by target state");
        Fires = meter.CreateCounter<long>("bitten_mission_fires", description: "Fire attempts, by outcome (accepted or the refusal)");
        meter.CreateObservableGauge("bitten_sse_clients", () => hub.ClientCount, description: "Open /api/stream connections");
        meter.CreateObservableCounter("bitten_sse_dropped", () => hub.DroppedCount, description: "Stream clients dropped for falling behind");
        meter.CreateObservableGauge("bitten_sse_replay_bytes", () => hub.Stats().ReplayBytes, "By", "Bytes held for Last-Event-ID replay, all users (bounded by StreamReplayBudgetMegabytes)");
        meter.CreateObservableGauge("bitten_sse_replay_frames", () => hub.Stats().ReplayFrames, description: "Events held for Last-Event-ID replay, all users");
        meter.CreateObservableGauge("bitten_sse_users_tracked", () => hub.Stats().Users, description: "Users the stream hub holds an entry for (an open stream or events to replay)");
        meter.CreateObservableCounter("bitten_sse_replay_evicted", () =>
        {
            var s = hub.Stats();
            return new[]
            {
                new Measurement<long>(s.EvictedByAge, new KeyValuePair<string, object?>("reason", "age")),
                new Measurement<long>(s.EvictedByBudget, new KeyValuePair<string, object?>("reason", "budget")),
                new Measurement<long>(s.EvictedPerUser, new KeyValuePair<string, object?>("reason", "per_user")),
            };
        }, description: "Replay events dropped, by reason (age, budget, per_user)");
    }

    public Counter<long> Created { get; }

    public Histogram<double> FanOut { get; }

    public Counter<long> Transitions { get; }

    public Counter<long> Fires { get; }
}
