namespace Bitten.Contracts.Hosting;

/// <summary>
/// One section of the admin memory diagnostics (<c>GET /api/admin/diagnostics/memory</c>): the sizes of what a module
/// holds in memory (entries of its caches, queued items, bytes). Registered by a module; the host aggregates them.
/// Must be cheap (counts, no enumeration of large collections) and must never expose user data.
/// </summary>
public interface IMemoryDiagnosticsContributor
{
    /// <summary>The section's key in the JSON (lower case, e.g. <c>missions</c>).</summary>
    string Name { get; }

    /// <summary>Named sizes, e.g. <c>stream_replay_bytes</c> → 123456.</summary>
    IReadOnlyDictionary<string, long> Sizes();
}
