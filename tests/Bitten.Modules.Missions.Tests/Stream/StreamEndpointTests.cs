using System.Net;
using Bitten.Modules.Missions.Tests.Support;

namespace Bitten.Modules.Missions.Tests.Stream;

public sealed class StreamEndpointTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Stream_WhenAMissionIsCreated_DeliversItAndResumesAfterLastEventId()
    {
        await using var host = await MissionsApiHost.StartAsync();
        Seed.Users(host.World, host.Time, 2);
        using var client = host.Client(1);
        client.Timeout = Timeout.InfiniteTimeSpan;

        string missionEventId;
        string missionId;
        using (var cts = new CancellationTokenSource(Patience))
        using (var response = await client.GetAsync("/api/stream", HttpCompletionOption.ResponseHeadersRead, cts.Token))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
            await ReadUntilAsync(reader, ": connected", cts.Token);

            await host.PublishAsync(Seed.Signal(host.Time));

            var frame = await ReadEventAsync(reader, "mission", cts.Token);
            missionEventId = frame.Id;
            missionId = host.World.Created.Single(c => c.UserId.Value == 1).MissionId.Value;
            frame.Data.ShouldContain(missionId);
            frame.Data.ShouldNotContain(host.World.Created.Single(c => c.UserId.Value == 2).MissionId.Value);

            host.Time.Advance(TimeSpan.FromSeconds(15));
            await ReadUntilAsync(reader, ": heartbeat", cts.Token);
        }

        // While disconnected: the user skips the mission elsewhere.
        (await client.PostAsync($"/api/missions/{missionId}/skip", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using (var cts = new CancellationTokenSource(Patience))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/stream");
            request.Headers.Add("Last-Event-ID", missionEventId);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));

            var first = await ReadEventAsync(reader, null, cts.Token);

            first.Event.ShouldBe("mission_state", "the mission event before Last-Event-ID is not sent again");
            first.Data.ShouldContain("\"to\":\"SKIPPED\"");
            long.Parse(first.Id, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(long.Parse(missionEventId, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Stream_WhenLastEventIdIsNotANumber_Answers400()
    {
        await using var host = await MissionsApiHost.StartAsync();
        using var client = host.Client(1);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/stream");
        request.Headers.Add("Last-Event-ID", "abc");

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static async Task ReadUntilAsync(StreamReader reader, string line, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } read)
        {
            if (read == line)
            {
                return;
            }
        }

        throw new EndOfStreamException($"the stream ended before '{line}'");
    }

    /// <summary>The next complete event (id, event, data), skipping comments; the first of the given name when one is named.</summary>
    private static async Task<(string Id, string Event, string Data)> ReadEventAsync(StreamReader reader, string? name, CancellationToken cancellationToken)
    {
        string id = "", evt = "", data = "";
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (evt.Length > 0 && (name is null || evt == name))
                {
                    return (id, evt, data);
                }

                (id, evt, data) = ("", "", "");
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line[4..];
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                evt = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line[6..];
            }
        }

        throw new EndOfStreamException("the stream ended before an event");
    }
}
