using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Bitten.Bench.Load;

/// <summary>
/// One user's live stream (<c>GET /api/stream</c> with the user's bearer token), parsed as Server-Sent Events. Records
/// when each mission and each fill arrives; a user with a linked EA may fire the mission (the virtual user).
/// Reconnects with Last-Event-ID when the stream drops (counted as an error).
/// </summary>
internal sealed class SseClient(SeededUser user, HttpClient http, Recorder recorder, Func<SeededUser, string, string, bool, Task> onMission)
{
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _lastEventId;

    public Task Connected => _connected.Task;

    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await ReadOnceAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException or InvalidOperationException)
            {
                recorder.Error("sse dropped", $"user {user.Index}: {ex.Message}");
            }

            if (!ct.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task ReadOnceAsync(CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/stream", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (_lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", _lastEventId);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"/api/stream answered {(int)response.StatusCode}");
        }

        await using var body = await response.Content.ReadAsStreamAsync(ct);
        using var reader = new StreamReader(body, bufferSize: 1024);
        string? eventName = null;
        string? data = null;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.Length == 0)
            {
                if (eventName is not null && data is not null)
                {
                    await OnEventAsync(eventName, data);
                }

                eventName = null;
                data = null;
                continue;
            }

            if (line[0] == ':')
            {
                _connected.TrySetResult(); // the hello comment: registered with the hub
                continue;
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = data is null ? line[6..] : data + "\n" + line[6..];
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                _lastEventId = line[4..];
            }
        }

        throw new IOException("the stream ended");
    }

    private async Task OnEventAsync(string eventName, string data)
    {
        var at = Stopwatch.GetTimestamp();
        if (eventName == "mission")
        {
            string signalId, missionId;
            bool fireable;
            using (var doc = JsonDocument.Parse(data))
            {
                var root = doc.RootElement;
                signalId = root.GetProperty("signal_id").GetString()!;
                missionId = root.GetProperty("mission_id").GetString()!;
                fireable = root.TryGetProperty("fireable", out var f) && f.ValueKind == JsonValueKind.True;
            }

            recorder.Count("sse_missions");
            if (!recorder.MissionFrames.GetOrAdd(signalId, _ => new ConcurrentDictionary<int, long>()).TryAdd(user.Index, at))
            {
                // The same signal's mission twice on one stream (e.g. re-announced while the first fan-out was still running).
                recorder.Count("sse_duplicate_missions");
                return;
            }

            await onMission(user, signalId, missionId, fireable);
        }
        else if (eventName == "mission_state")
        {
            using var doc = JsonDocument.Parse(data);
            var root = doc.RootElement;
            if (root.GetProperty("to").GetString() == "FILLED")
            {
                recorder.FillOnStream.TryAdd(root.GetProperty("mission_id").GetString()!, at);
            }

            recorder.Count("sse_mission_states");
        }
    }
}
