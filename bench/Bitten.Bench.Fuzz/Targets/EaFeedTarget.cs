using Bitten.Bench.Fuzz.Engine;
using Bitten.Modules.Signals.Ingest;
using Bitten.Modules.Signals.Market;

namespace Bitten.Bench.Fuzz.Targets;

/// <summary>
/// The Signals feed (5556): every frame goes through <see cref="EaMessageReader"/> (protocol v1 tick and the original EA's
/// TICK, classification of the rest); heartbeat, symbols, bar and disconnect are then read by <see cref="EaFeedDocuments"/>,
/// as FeedIngestService does. Reasons are <see cref="IngestRejectReasons"/> labels.
/// </summary>
internal sealed class EaFeedTarget : IFuzzTarget
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);
    private readonly EaMessageReader _reader;

    public EaFeedTarget()
    {
        var offsets = new BrokerOffsets();
        offsets.Set("ea-7", 7200);
        _reader = new EaMessageReader(new SymbolCatalog(["EURUSD", "GBPUSD", "USDJPY", "XAUUSD"], ["AUDUSD"]), offsets);
    }

    public string Name => "ea-feed";

    public IReadOnlyList<byte[]> Samples { get; } = [.. EaSamples.Feed.Select(SampleFiles.Utf8)];

    public IReadOnlyList<byte[]> Tokens { get; } = [.. EaSamples.Tokens.Select(SampleFiles.Utf8)];

    public string Run(byte[] input, ulong variant)
    {
        var reason = _reader.Read(input, 0);
        if (reason != IngestRejectReason.None)
        {
            return IngestRejectReasons.Label(reason);
        }

        // what FeedIngestService hands to the documents reader after authentication
        var (parsed, document) = _reader.Type switch
        {
            EaMessageType.Heartbeat => Label(EaFeedDocuments.Heartbeat(input, Now).Reason),
            EaMessageType.Symbols => Label(EaFeedDocuments.Symbols(input, Now).Reason),
            EaMessageType.Bar => Label(EaFeedDocuments.Bar(input).Reason),
            EaMessageType.Disconnect => Label(EaFeedDocuments.Disconnect(input, Now).Reason),
            _ => (Outcome.Accepted, string.Empty),
        };
        return parsed == Outcome.Accepted ? Outcome.Accepted : $"{document}:{parsed}";

        (string, string) Label(IngestRejectReason r) =>
            (r == IngestRejectReason.None ? Outcome.Accepted : IngestRejectReasons.Label(r), _reader.Type.ToString().ToLowerInvariant());
    }

    public void Dispose()
    {
    }
}
