using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bitten.Bench.Missions;

/// <summary>
/// SSE fan-out: starts <see cref="SseServer"/> as a child process, opens <c>clients</c> real HTTP/1.1 connections to
/// <c>/api/stream</c> (one per user), publishes one SignalPublished for all of them, and times from the publish
/// request to each client reading its <c>event: mission</c> frame. Server memory is read from the server itself.
/// </summary>
internal static class SseDriver
{
    private static readonly byte[] MissionEvent = Encoding.UTF8.GetBytes("event: mission");

    public static async Task<JsonObject> RunAsync(int clients)
    {
        var self = typeof(SseDriver).Assembly.Location;
        using var server = Process.Start(new ProcessStartInfo("dotnet", [self, "sse-server", clients.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("could not start the SSE server");
        try
        {
            string? line;
            while ((line = await server.StandardOutput.ReadLineAsync()) is not null && !line.StartsWith("listening ", StringComparison.Ordinal))
            {
                Console.WriteLine("server: " + line);
            }

            var baseUri = new Uri(line?["listening ".Length..] ?? throw new InvalidOperationException("the SSE server did not start"));
            _ = DrainAsync(server.StandardOutput);
            using var http = new HttpClient(new SocketsHttpHandler
            {
                MaxConnectionsPerServer = int.MaxValue,
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
                ConnectTimeout = TimeSpan.FromSeconds(60),
            }) { BaseAddress = baseUri, Timeout = Timeout.InfiniteTimeSpan };
            using var stop = new CancellationTokenSource();
            // Warm-up before any stream is open (JIT, SQLite pages): the measured signal is the second one.
            using (var warm = await http.PostAsync(new Uri("/bench/signal", UriKind.Relative), null))
            {
                warm.EnsureSuccessStatusCode();
            }

            var connectStarted = Stopwatch.GetTimestamp();
            var connected = new TaskCompletionSource[clients];
            var received = new long[clients];
            var readers = new Task[clients];
            using var gate = new SemaphoreSlim(256);
            for (var i = 0; i < clients; i++)
            {
                connected[i] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                readers[i] = ReadAsync(http, i + 1, connected[i], received, gate, stop.Token);
            }

            await Task.WhenAll(connected.Select(c => c.Task)).WaitAsync(TimeSpan.FromMinutes(5));
            var connectSeconds = Stopwatch.GetElapsedTime(connectStarted).TotalSeconds;
            var idle = await StatsAsync(http);
            Console.WriteLine($"  {clients:N0} streams open in {connectSeconds:0.0} s; server {idle}");

            var published = Stopwatch.GetTimestamp();
            using var publish = await http.PostAsync(new Uri("/bench/signal", UriKind.Relative), null);
            var fanOut = JsonNode.Parse(await publish.Content.ReadAsStringAsync())!;
            await Task.WhenAll(readers).WaitAsync(TimeSpan.FromMinutes(2));
            var after = await StatsAsync(http);
            await stop.CancelAsync();

            var latencies = received.Select(t => Stopwatch.GetElapsedTime(published, t).TotalMilliseconds).Order().ToArray();
            double P(double q) => Math.Round(latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)], 1);
            Console.WriteLine($"  delivered to {latencies.Length:N0}: p50 {P(0.5)} ms, p99 {P(0.99)} ms, max {P(1)} ms; server {after}");
            return new JsonObject
            {
                ["clients"] = clients,
                ["what"] = "real Kestrel on 127.0.0.1 in a separate process, one HTTP/1.1 connection per user to /api/stream (the module's endpoint), "
                    + "then POST /bench/signal publishes one SignalPublished (the module queues it; its fan-out worker sizes and stores the missions, queues each user's stream frame, "
                    + "then announces MissionsCreated to the real Users alert and Execution auto-fire handlers; the route answers once the worker is done). "
                    + "After one warm-up signal with no stream open, latency = publish request sent → that client's 'event: mission' frame read (includes the fan-out's store).",
                ["goal"] = "p99 < 1,000 ms, server memory < 500 MB",
                ["connect_all_s"] = Math.Round(connectSeconds, 1),
                ["fan_out_ms"] = fanOut["fan_out_ms"]!.GetValue<double>() is var f ? Math.Round(f, 1) : 0,
                ["publisher_held_ms"] = fanOut["publisher_held_ms"]!.GetValue<double>() is var h ? Math.Round(h, 2) : 0,
                ["delivered"] = latencies.Length,
                ["p50_ms"] = P(0.5),
                ["p99_ms"] = P(0.99),
                ["max_ms"] = P(1),
                ["server_idle"] = JsonNode.Parse(idle),
                ["server_after_delivery"] = JsonNode.Parse(after),
            };
        }
        finally
        {
            server.StandardInput.Close();
            if (!server.WaitForExit(10_000))
            {
                server.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task ReadAsync(HttpClient http, int user, TaskCompletionSource connected, long[] received, SemaphoreSlim gate, CancellationToken ct)
    {
        Stream body;
        await gate.WaitAsync(ct);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/stream", UriKind.Relative));
            request.Headers.Add("X-Bench-User", user.ToString(CultureInfo.InvariantCulture));
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"user {user}: /api/stream answered {(int)response.StatusCode}");
            }

            body = await response.Content.ReadAsStreamAsync(ct);
        }
        finally
        {
            gate.Release();
        }

        var buffer = ArrayPool<byte>.Shared.Rent(2048);
        try
        {
            var filled = 0;
            var greeted = false;
            while (true)
            {
                var read = await body.ReadAsync(buffer.AsMemory(filled), ct);
                if (read == 0)
                {
                    throw new InvalidOperationException($"user {user}: the stream ended before the mission event");
                }

                filled += read;
                if (!greeted)
                {
                    greeted = true;
                    connected.TrySetResult(); // the server's hello frame: this stream is registered with the hub
                }

                if (buffer.AsSpan(0, filled).IndexOf(MissionEvent) >= 0)
                {
                    received[user - 1] = Stopwatch.GetTimestamp();
                    return;
                }

                if (filled > buffer.Length - 256)
                {
                    // keep the tail in case the marker straddles two reads
                    buffer.AsSpan(filled - 64, 64).CopyTo(buffer);
                    filled = 64;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            await body.DisposeAsync();
        }
    }

    private static async Task<string> StatsAsync(HttpClient http) =>
        JsonSerializer.Serialize(JsonNode.Parse(await http.GetStringAsync(new Uri("/bench/stats", UriKind.Relative))));

    private static async Task DrainAsync(StreamReader output)
    {
        while (await output.ReadLineAsync() is { } line)
        {
            Console.WriteLine("server: " + line);
        }
    }
}
