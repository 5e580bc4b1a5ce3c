using Bitten.Contracts.Hosting;

namespace Bitten.Modules.Missions.Stream;

/// <summary>The live stream's share of <c>GET /api/admin/diagnostics/memory</c>: the hub's users, streams and replay rings.</summary>
internal sealed class StreamMemoryDiagnostics(MissionStreamHub hub, OpenPositionBook book) : IMemoryDiagnosticsContributor
{
    public string Name => "missions";

    public IReadOnlyDictionary<string, long> Sizes()
    {
        var s = hub.Stats();
        var (owners, holders) = book.Counts();
        return new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["stream_users"] = s.Users,
            ["stream_clients"] = s.Clients,
            ["stream_replay_frames"] = s.ReplayFrames,
            ["stream_replay_bytes"] = s.ReplayBytes,
            ["stream_replay_budget_bytes"] = s.ReplayBudgetBytes,
            ["stream_replay_order_entries"] = s.OrderEntries,
            ["stream_replay_evicted_age"] = s.EvictedByAge,
            ["stream_replay_evicted_budget"] = s.EvictedByBudget,
            ["stream_replay_evicted_per_user"] = s.EvictedPerUser,
            ["position_book_ea_owners"] = owners,
            ["position_book_users"] = holders,
        };
    }
}
