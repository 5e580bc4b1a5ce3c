using System.Runtime;
using Bitten.Contracts.Hosting;

namespace Bitten.Host.Observability;

/// <summary>
/// <c>GET /api/admin/diagnostics/memory</c> (admin only): what the process holds, to tell a leak from a backlog without
/// a profiler — the GC's own view of the heap (<see cref="GC.GetGCMemoryInfo()"/>, generation sizes, the GC mode),
/// the process's resident memory, threads and open file descriptors by kind (and the files open most often), the
/// metric series held (label cardinality) and each module's cache and queue sizes. Counts only: no user data.
/// </summary>
internal static class MemoryDiagnosticsEndpoint
{
    public static IEndpointRouteBuilder MapMemoryDiagnosticsEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/admin/diagnostics/memory", Report)
            .RequireAuthorization("admin")
            .WithTags("Diagnostics")
            .WithName("MemoryDiagnostics")
            .WithSummary("GC heap, process memory, fds, metric series and module cache sizes (admin).");
        return endpoints;
    }

    internal static IResult Report(IEnumerable<IMemoryDiagnosticsContributor> contributors, PrometheusExporter exporter)
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        var generations = new[] { "gen0", "gen1", "gen2", "loh", "poh" };
        var (instruments, series, largest, largestSeries) = exporter.Cardinality();
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var modules = new Dictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.Ordinal);
        foreach (var contributor in contributors)
        {
            var name = contributor.Name;
            for (var n = 2; modules.ContainsKey(name); n++)
            {
                name = $"{contributor.Name}#{n}";
            }

            modules[name] = contributor.Sizes();
        }

        return Results.Json(new
        {
            gc = new
            {
                server = GCSettings.IsServerGC,
                configuration = GC.GetConfigurationVariables(), // the GC's effective settings: ServerGC, ConcurrentGC, HeapCount, DATAS, limits
                latency_mode = GCSettings.LatencyMode.ToString(),
                total_memory_bytes = GC.GetTotalMemory(false),
                heap_size_bytes = info.HeapSizeBytes,
                fragmented_bytes = info.FragmentedBytes,
                committed_bytes = info.TotalCommittedBytes,
                promoted_bytes = info.PromotedBytes,
                pinned_objects = info.PinnedObjectsCount,
                memory_load_bytes = info.MemoryLoadBytes,
                total_available_memory_bytes = info.TotalAvailableMemoryBytes,
                high_memory_load_threshold_bytes = info.HighMemoryLoadThresholdBytes,
                pause_time_percentage = info.PauseTimePercentage,
                total_allocated_bytes = GC.GetTotalAllocatedBytes(false),
                collections = new { gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2) },
                generations = info.GenerationInfo.ToArray().Select((g, i) => new
                {
                    generation = i < generations.Length ? generations[i] : $"gen{i}",
                    size_after_bytes = g.SizeAfterBytes,
                    fragmentation_after_bytes = g.FragmentationAfterBytes,
                }),
            },
            process = new
            {
                working_set_bytes = Environment.WorkingSet,
                private_memory_bytes = process.PrivateMemorySize64,
                threads = process.Threads.Count,
                thread_pool_threads = ThreadPool.ThreadCount,
                thread_pool_pending = ThreadPool.PendingWorkItemCount,
                timers = Timer.ActiveCount,
                fds = FileDescriptors(),
            },
            metrics = new { instruments, series, largest_instrument = largest, largest_instrument_series = largestSeries },
            modules,
        });
    }

    /// <summary>Open descriptors by kind (Linux /proc/self/fd; null elsewhere), and the files open more than once or most often.</summary>
    private static object? FileDescriptors()
    {
        const string Folder = "/proc/self/fd";
        if (!Directory.Exists(Folder))
        {
            return null;
        }

        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        var files = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var fd in Directory.EnumerateFileSystemEntries(Folder))
        {
            string? target;
            try
            {
                target = new FileInfo(fd).LinkTarget;
            }
            catch (IOException)
            {
                continue; // closed meanwhile
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            var kind = target switch
            {
                null => "unknown",
                _ when target.StartsWith("socket:", StringComparison.Ordinal) => "socket",
                _ when target.StartsWith("pipe:", StringComparison.Ordinal) => "pipe",
                _ when target.StartsWith("anon_inode:", StringComparison.Ordinal) => target["anon_inode:".Length..].Trim('[', ']'),
                _ when target.StartsWith("/dev/", StringComparison.Ordinal) => "device",
                _ => "file",
            };
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            if (kind == "file")
            {
                files[target!] = files.GetValueOrDefault(target!) + 1;
            }
        }

        return new
        {
            total = kinds.Values.Sum(),
            by_kind = kinds.OrderByDescending(k => k.Value).ToDictionary(k => k.Key, k => k.Value),
            files = files.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).Take(25).ToDictionary(f => f.Key, f => f.Value),
        };
    }
}
