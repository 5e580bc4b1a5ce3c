using System.Text.Json;

namespace Bitten.Zmq.Tests.Support;

/// <summary>The libzmq 4.3.4 byte captures in tests/data/zeromq (see its README).</summary>
internal static class WireCaptures
{
    private static readonly Lazy<IReadOnlyList<(string What, byte[] Bytes)>> Frames = new(Load);

    public static byte[] Get(string whatStartsWith) =>
        Frames.Value.Single(f => f.What.StartsWith(whatStartsWith, StringComparison.Ordinal)).Bytes;

    private static List<(string, byte[])> Load()
    {
        var path = Path.Combine(TestEnvironment.TestData, "zeromq", "zmtp_wire_captures.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.GetProperty("frames").EnumerateArray()
            .Select(e => (e.GetProperty("what").GetString()!, Convert.FromHexString(e.GetProperty("hex").GetString()!)))];
    }
}
