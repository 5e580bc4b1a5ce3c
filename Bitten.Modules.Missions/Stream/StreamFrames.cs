using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Bitten.Modules.Missions.Stream;

/// <summary>Server-Sent Events frames, serialised once and shared by every connection of a user.</summary>
internal static class StreamFrames
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static readonly ReadOnlyMemory<byte> Heartbeat = Encoding.UTF8.GetBytes(": heartbeat\n\n");

    /// <summary>Tells a browser how long to wait before reconnecting, and gets the headers out at once.</summary>
    public static readonly ReadOnlyMemory<byte> Hello = Encoding.UTF8.GetBytes("retry: 3000\n: connected\n\n");

    public static ReadOnlyMemory<byte> Event(long id, string name, object payload) =>
        Encoding.UTF8.GetBytes($"id: {id.ToString(CultureInfo.InvariantCulture)}\nevent: {name}\ndata: {JsonSerializer.Serialize(payload, Json)}\n\n");

    /// <summary>A live-only event without an id: the browser's Last-Event-ID stays at the last replayable event.</summary>
    public static ReadOnlyMemory<byte> Transient(string name, object payload) =>
        Encoding.UTF8.GetBytes($"event: {name}\ndata: {JsonSerializer.Serialize(payload, Json)}\n\n");

    /// <summary>Events the client missed are no longer held: it should reload its missions.</summary>
    public static ReadOnlyMemory<byte> Resync(long id) =>
        Encoding.UTF8.GetBytes($"id: {id.ToString(CultureInfo.InvariantCulture)}\nevent: resync\ndata: {{\"reason\":\"missed events are no longer held; reload /api/missions\"}}\n\n");
}
