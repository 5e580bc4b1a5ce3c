using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bitten.Bench.Load;

internal sealed record RunFacts(
    double SeedSeconds, double MeasuredSeconds, ProcSample? Before, ProcSample? After, string LoadBefore, string LoadAfter, string Metrics,
    int HealthStatus, string Health, FakeBotApi Bot, string LogDirectory, int SseConnected);

internal sealed partial class LoadRun
{
    private const string P99Goal = "p99 < 100 ms";

    private JsonObject Report(RunFacts f)
    {
        var r = _recorder;
        var measured = _measuredSignals.Keys.Where(r.Signals.ContainsKey).ToHashSet(StringComparer.Ordinal);
        var tickToSignal = measured.Select(id => (double)(r.Signals[id].ReceivedUnixMs - r.Signals[id].CreatedMs));
        var delivered = new List<double>();
        var allDelivered = new List<double>();
        long missingFrames = 0;
        foreach (var id in measured)
        {
            var frames = r.MissionFrames.TryGetValue(id, out var byUser) ? byUser.Values.ToArray() : [];
            var t0 = r.Signals[id].ReceivedTicks;
            delivered.AddRange(frames.Select(t => Recorder.Ms(t0, t)));
            missingFrames += Math.Max(0, f.SseConnected - frames.Length);
            if (frames.Length > 0)
            {
                allDelivered.Add(Recorder.Ms(t0, frames.Max()));
            }
        }

        var fires = r.FireMission.Where(p => _missionSignal.TryGetValue(p.Value, out var s) && measured.Contains(s)).ToList();
        var fireToEa = new List<double>();
        var confirmToSse = new List<double>();
        long notAtEa = 0, notOnStream = 0;
        foreach (var (fireId, missionId) in fires)
        {
            if (r.FireAtEa.TryGetValue(fireId, out var atEa) && r.FireRequested.TryGetValue(missionId, out var requested))
            {
                fireToEa.Add(Recorder.Ms(requested, atEa));
            }
            else
            {
                notAtEa++;
            }

            if (r.Confirmed.TryGetValue(fireId, out var confirmed) && r.FillOnStream.TryGetValue(missionId, out var onStream))
            {
                confirmToSse.Add(Recorder.Ms(confirmed, onStream));
            }
            else if (missionId is not null && r.Confirmed.ContainsKey(fireId) && fireId is not null && missionId.Length > 0 && options.SseClients >= options.Eas)
            {
                notOnStream++;
            }
        }

        if (missingFrames > 0) r.Errors["sse mission frames missing"] = missingFrames;
        if (notAtEa > 0) r.Errors["accepted fires never at their EA"] = notAtEa;
        if (notOnStream > 0) r.Errors["fills never on the user's stream"] = notOnStream;
        if (f.Bot.TooManyRequests > 0) r.Errors["telegram 429 answers"] = f.Bot.TooManyRequests;
        if (r.Counters.TryGetValue("sse_duplicate_missions", out var duplicates) && duplicates > 0) r.Errors["the same mission twice on a stream"] = duplicates;
        if (measured.Count == 0) r.Errors["no signal published while measuring"] = 1; // nothing measured is not a pass
        var unconfirmed = HostMetrics.Value(f.Metrics, "bitten_fires_total{status=\"Unconfirmed\"}");
        if (unconfirmed > 0) r.Errors["fires marked unconfirmed (the EA confirmed each at once)"] = (long)unconfirmed;
        var logs = ScanLogs(f.LogDirectory);
        if (logs.Errors > 0) r.Errors["host log errors"] = logs.Errors;
        var hostProblems = HostMetrics.Problems(f.Metrics);

        List<ProcSample> samples;
        lock (_samples)
        {
            samples = [.. _samples];
        }

        var peakRss = samples.Count == 0 ? 0 : samples.Max(s => s.PeakRssBytes);
        var cpu = f.Before is not null && f.After is not null ? (f.After.CpuSeconds - f.Before.CpuSeconds) / f.MeasuredSeconds : double.NaN;
        var http = new JsonObject();
        foreach (var (endpoint, values) in r.Http.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            http[endpoint] = Recorder.Summary(values, P99Goal);
        }

        var errorTotal = r.Errors.Values.Sum();
        var summary = new JsonObject
        {
            ["tick_to_signal"] = Recorder.Summary(tickToSignal, P99Goal),
            ["signal_to_sse_delivered"] = Recorder.Summary(delivered, P99Goal),
            ["signal_to_all_missions_on_streams"] = Recorder.Summary(allDelivered, "< 1,000 ms"),
            ["fire_to_ea"] = Recorder.Summary(fireToEa, P99Goal),
            ["ea_confirm_to_sse"] = Recorder.Summary(confirmToSse, P99Goal),
            ["http_p99_ms"] = new JsonObject(http.Select(p => KeyValuePair.Create(p.Key, p.Value!["p99_ms"]?.DeepClone()))),
            ["errors"] = errorTotal,
            ["host_peak_rss_mb"] = Math.Round(peakRss / 1048576.0, 1),
            ["host_cpu_cores_used"] = Math.Round(cpu, 2),
            ["load_average_before_after"] = $"{f.LoadBefore} / {f.LoadAfter}",
        };
        var result = new JsonObject
        {
            ["benchmark"] = options.Soak ? "soak" : "load",
            ["recorded_utc"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["command"] = "dotnet run -c Release --project bench/Bitten.Bench.Load --" + Command(),
            ["machine"] = new JsonObject
            {
                ["logical_cores"] = Environment.ProcessorCount,
                ["os"] = RuntimeInformation.OSDescription,
                ["dotnet"] = RuntimeInformation.FrameworkDescription,
                ["load_average_before"] = f.LoadBefore,
                ["load_average_after"] = f.LoadAfter,
                ["note"] = "the driver (EAs, SSE clients, virtual users, fake Bot API) runs on the same machine as the host and competes for its cores",
            },
            ["configuration"] = new JsonObject
            {
                ["users"] = options.Users,
                ["eas"] = options.Eas,
                ["sse_clients"] = options.SseClients,
                ["sse_connected"] = f.SseConnected,
                ["symbols"] = options.Symbols,
                ["ticks_per_s_per_symbol"] = options.TickRate,
                ["signal_every_s"] = options.SignalEverySeconds,
                ["fire_fraction_of_fireable_missions"] = options.FireFraction,
                ["reads_per_s"] = options.ReadsPerSecond,
                ["measured_s"] = Math.Round(f.MeasuredSeconds, 1),
                ["seed_s"] = Math.Round(f.SeedSeconds, 1),
                ["signals_how"] = "POST /api/admin/signals/test (admin, Modules:Signals:TestSignals=true): the engine emits the signal on that symbol's next accepted tick, so tick→signal, the store, PUB 5557, missions, alerts and fires are the production path; detectors, threshold and EV gate are bypassed",
                ["fires_how"] = "each user with a linked EA fires the given share of its fireable missions (stable hash of signal and user) 0-2 s after the mission reaches its stream: GET /api/missions/{id}, then POST /api/missions/{id}/fire; users without an EA receive view-only missions",
            },
            ["summary"] = summary,
            ["measured"] = new JsonObject
            {
                ["signals"] = measured.Count,
                ["tick_to_signal_driver"] = Recorder.Summary(tickToSignal, P99Goal).With("what", "EA tick ts_ms (wall clock at send) → the signal read on SUB 5557 (its created_ts_ms is the triggering tick's ts_ms); 1 ms resolution"),
                ["tick_to_signal_host"] = HostMetrics.Histogram(f.Metrics, "bitten_tick_to_signal_ms", P99Goal),
                ["signal_to_sse_delivered"] = Recorder.Summary(delivered, P99Goal).With("what", "signal read on SUB 5557 → each client's 'event: mission' frame (all clients, all measured signals)"),
                ["signal_to_all_missions_on_streams"] = Recorder.Summary(allDelivered, "< 1,000 ms").With("what", "per signal: SUB 5557 → the last client's mission frame (every mission was stored before it is announced)"),
                ["mission_fanout_host"] = HostMetrics.Histogram(f.Metrics, "bitten_mission_fanout_ms", "< 1,000 ms"),
                ["mission_frames_expected"] = (long)measured.Count * f.SseConnected,
                ["mission_frames_missing"] = missingFrames,
                ["fires_accepted"] = fires.Count,
                ["fire_to_ea"] = Recorder.Summary(fireToEa, P99Goal).With("what", "POST /api/missions/{id}/fire sent → the EA read the fire command on its DEALER"),
                ["ea_confirm_to_sse"] = Recorder.Summary(confirmToSse, P99Goal).With("what", "EA sent the filled confirmation → the user's stream read mission_state FILLED"),
                ["fire_refusals_by_rule"] = new JsonObject(r.Refusals.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
                ["http"] = http,
            },
            ["errors"] = new JsonObject(r.Errors.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
            ["error_total"] = errorTotal,
            ["host"] = new JsonObject
            {
                ["pid_measured"] = "/proc/<pid> of the Bitten.Host child process",
                ["peak_rss_mb"] = Math.Round(peakRss / 1048576.0, 1),
                ["rss_mb_end"] = Math.Round((f.After?.RssBytes ?? 0) / 1048576.0, 1),
                ["cpu_cores_used_mean"] = Math.Round(cpu, 2),
                ["threads_end"] = f.After?.Threads,
                ["fds_end"] = f.After?.Fds,
                ["healthz_status"] = f.HealthStatus,
                ["log_errors"] = logs.Errors,
                ["log_warnings"] = logs.Warnings,
                ["log_error_samples"] = new JsonArray([.. logs.Samples.Select(s => (JsonNode)s)]),
                ["problem_counters"] = hostProblems,
                ["counters"] = HostMetrics.Select(f.Metrics, "bitten_signals_published", "bitten_ticks_in", "bitten_alerts", "bitten_missions_created", "bitten_fires", "bitten_zmq_peers"),
            },
            ["telegram_fake"] = new JsonObject { ["sent"] = f.Bot.Sent, ["http_429"] = f.Bot.TooManyRequests, ["other_calls"] = f.Bot.OtherCalls, ["note"] = "alerts are rate-limited by design (30/s): a backlog is expected at this signal rate" },
            ["driver_counters"] = new JsonObject(r.Counters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
        };
        result["goals"] = Goals(summary, peakRss, errorTotal);
        if (options.Soak)
        {
            result["soak"] = Soak(samples);
        }

        return result;
    }

    private static JsonObject Goals(JsonObject summary, long peakRss, long errors)
    {
        bool Under(string key, double limit) => summary[key]?["p99_ms"] is { } p && p.GetValue<double>() < limit;
        var httpOk = summary["http_p99_ms"]!.AsObject().All(p => p.Value is null || p.Value.GetValue<double>() < 100);
        return new JsonObject
        {
            ["tick_to_signal_p99_under_100_ms"] = Under("tick_to_signal", 100),
            ["signal_to_sse_p99_under_100_ms"] = Under("signal_to_sse_delivered", 100),
            ["mission_fanout_under_1_s"] = Under("signal_to_all_missions_on_streams", 1000),
            ["fire_to_ea_p99_under_100_ms"] = Under("fire_to_ea", 100),
            ["ea_confirm_to_sse_p99_under_100_ms"] = Under("ea_confirm_to_sse", 100),
            ["http_p99_under_100_ms_every_endpoint"] = httpOk,
            ["zero_errors"] = errors == 0,
            ["rss_under_1_gb"] = peakRss < 1L << 30,
        };
    }

    private JsonObject Soak(List<ProcSample> samples)
    {
        List<(long At, double Heap)> heap;
        lock (_heap)
        {
            heap = [.. _heap];
        }

        var t0 = samples.Count > 0 ? samples[0].At : 0;
        double Hours(long at) => Recorder.Ms(t0, at) / 3_600_000.0;
        return new JsonObject
        {
            ["samples"] = samples.Count,
            ["sample_every_s"] = 5,
            ["rss_mb_per_hour"] = Slope(samples.Select(s => (Hours(s.At), s.RssBytes / 1048576.0))),
            ["gc_heap_mb_per_hour"] = Slope(heap.Where(h => !double.IsNaN(h.Heap)).Select(h => (Hours(h.At), h.Heap / 1048576.0))),
            ["fds_per_hour"] = Slope(samples.Select(s => (Hours(s.At), (double)s.Fds))),
            ["threads_per_hour"] = Slope(samples.Select(s => (Hours(s.At), (double)s.Threads))),
            ["second_half"] = new JsonObject
            {
                ["rss_mb_per_hour"] = Slope(samples.Where(s => Hours(s.At) >= Hours(samples[^1].At) / 2).Select(s => (Hours(s.At), s.RssBytes / 1048576.0))),
                ["gc_heap_mb_per_hour"] = Slope(heap.Where(h => !double.IsNaN(h.Heap) && Hours(h.At) >= Hours(heap[^1].At) / 2).Select(h => (Hours(h.At), h.Heap / 1048576.0))),
                ["fds_per_hour"] = Slope(samples.Where(s => Hours(s.At) >= Hours(samples[^1].At) / 2).Select(s => (Hours(s.At), (double)s.Fds))),
                ["note"] = "the same slopes over the second half of the run only: start-up growth (JIT, pools, SQLite caches) excluded",
            },
            ["rss_mb_first_last"] = samples.Count == 0 ? null : $"{samples[0].RssBytes / 1048576.0:0.0} → {samples[^1].RssBytes / 1048576.0:0.0}",
            ["gc_heap_mb_first_last"] = heap.Count == 0 ? null : $"{heap[0].Heap / 1048576.0:0.0} → {heap[^1].Heap / 1048576.0:0.0}",
            ["fds_first_last"] = samples.Count == 0 ? null : $"{samples[0].Fds} → {samples[^1].Fds}",
            ["threads_first_last"] = samples.Count == 0 ? null : $"{samples[0].Threads} → {samples[^1].Threads}",
            ["series"] = new JsonArray([.. samples.Where((_, i) => i % 6 == 0).Select(s => (JsonNode)new JsonArray(
                Math.Round(Hours(s.At) * 60, 2), Math.Round(s.RssBytes / 1048576.0, 1), s.Fds, s.Threads))]),
            ["series_columns"] = "minutes, rss_mb, fds, threads (every 6th sample)",
            ["host_environment"] = new JsonArray([.. options.HostEnvironment.Select(e => (JsonNode)e)]),
            ["diagnostics_start"] = _diagnosticsStart?.DeepClone(),
            ["diagnostics_end"] = _diagnosticsEnd?.DeepClone(),
            ["note"] = "least-squares slopes over the whole run including start-up growth (warm caches, SQLite pages, the alert outbox); flat means near zero against the level",
        };
    }

    private static double Slope(IEnumerable<(double X, double Y)> points)
    {
        var p = points.ToArray();
        if (p.Length < 2)
        {
            return double.NaN;
        }

        var mx = p.Average(q => q.X);
        var my = p.Average(q => q.Y);
        var sxx = p.Sum(q => (q.X - mx) * (q.X - mx));
        return sxx == 0 ? double.NaN : Math.Round(p.Sum(q => (q.X - mx) * (q.Y - my)) / sxx, 3);
    }

    private static (long Errors, long Warnings, List<string> Samples) ScanLogs(string directory)
    {
        long errors = 0, warnings = 0;
        var samples = new List<string>();
        if (!Directory.Exists(directory))
        {
            return (0, 0, samples);
        }

        foreach (var file in Directory.GetFiles(directory, "*", SearchOption.AllDirectories))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                string? level = null;
                try
                {
                    using var doc = JsonDocument.Parse(line);
                    level = doc.RootElement.TryGetProperty("@l", out var l) ? l.GetString() : doc.RootElement.TryGetProperty("Level", out var l2) ? l2.GetString() : "Information";
                }
                catch (JsonException)
                {
                    continue;
                }

                if (level is "Error" or "Fatal")
                {
                    errors++;
                    if (samples.Count < 5)
                    {
                        samples.Add(line.Length > 600 ? line[..600] : line);
                    }
                }
                else if (level == "Warning")
                {
                    warnings++;
                }
            }
        }

        return (errors, warnings, samples);
    }

    private string Command()
    {
        var c = options.Soak ? " --soak" : string.Empty;
        var defaults = new LoadOptions();
        if (!options.Soak)
        {
            if (options.Users != defaults.Users) c += $" --users {options.Users}";
            if (options.Eas != defaults.Eas) c += $" --eas {options.Eas}";
        }
        else
        {
            c += $" --users {options.Users} --eas {options.Eas}";
        }

        if (options.Sse >= 0) c += $" --sse {options.Sse}";
        if (options.Symbols != defaults.Symbols) c += $" --symbols {options.Symbols}";
        c += string.Create(CultureInfo.InvariantCulture, $" --minutes {options.Minutes}");
        foreach (var env in options.HostEnvironment)
        {
            c += $" --host-env {env}";
        }

        return c;
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject With(this JsonObject o, string key, string value)
    {
        o[key] = value;
        return o;
    }
}
