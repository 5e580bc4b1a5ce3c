using System.Text;
using Bitten.Modules.Signals.Ingest;
using Bitten.Modules.Signals.Market;

namespace Bitten.Modules.Signals.Tests.Ingest;

public sealed class EaMessageReaderTests
{
    private readonly SymbolCatalog _symbols = new(["EURUSD", "USDJPY", "XAUUSD"], ["EURGBP"]);
    private readonly BrokerOffsets _offsets = new();

    private EaMessageReader Reader() => new(_symbols, _offsets);

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void Read_WhenV1Tick_ReadsEveryField()
    {
        var reader = Reader();

        var reason = reader.Read(Utf8("""{"type":"tick","ea_id":"ea-1","ea_token":"s3cret","symbol":"USDJPY","bid":151.234,"ask":151.245,"ts_ms":1763900000123}"""), 42);

        reason.ShouldBe(IngestRejectReason.None);
        reader.Type.ShouldBe(EaMessageType.Tick);
        reader.Tick.ShouldBe(new TickEvent(1, 151.234, 151.245, 1763900000123, 42));
        reader.EaId.ToString().ShouldBe("ea-1");
        reader.EaToken.ToString().ShouldBe("s3cret");
    }

    [Fact]
    public void Read_WhenOriginalEaFormat_ConvertsBrokerTimeWithTheEasOffset()
    {
        _offsets.Set("legacy-1", 3 * 3600);
        var reader = Reader();

        var reason = reader.Read(Utf8("""{"type":"TICK","symbol":"EURUSD","bid":1.09875,"ask":1.09895,"time":"2025.09.11 12:34:56.789","ea_id":"legacy-1","ea_token":"t"}"""), 0);

        reason.ShouldBe(IngestRejectReason.None);
        reader.Tick.TsMs.ShouldBe(new DateTimeOffset(2025, 9, 11, 9, 34, 56, 789, TimeSpan.Zero).ToUnixTimeMilliseconds());
    }

    [Fact]
    public void Read_WhenUnknownFieldsAndNestedValues_IgnoresThem()
    {
        var reader = Reader();

        var reason = reader.Read(Utf8("""{"extra":{"a":[1,2,{"symbol":"NOPE"}]},"type":"tick","ea_id":"ea-1","ea_token":"x","symbol":"EURUSD","bid":1.1,"ask":1.1001,"ts_ms":1763900000000,"v":1}"""), 0);

        reason.ShouldBe(IngestRejectReason.None);
        reader.Tick.SymbolIndex.ShouldBe(0);
    }

    [Theory]
    [InlineData("not json", nameof(IngestRejectReason.MalformedJson))]
    [InlineData("[1,2]", nameof(IngestRejectReason.MalformedJson))]
    [InlineData("""{"type":"tick","symbol":"EURUSD","bid":NaN,"ask":1.1,"ts_ms":1763900000000}""", nameof(IngestRejectReason.MalformedJson))]
    [InlineData("""{"type":"tick","symbol":"EURUSD","bid":1.1,"ask":1.1""", nameof(IngestRejectReason.MalformedJson))]
    [InlineData("""{"symbol":"EURUSD","bid":1.1,"ask":1.1,"ts_ms":1763900000000}""", nameof(IngestRejectReason.UnknownMessageType))]
    [InlineData("""{"type":"quote","symbol":"EURUSD"}""", nameof(IngestRejectReason.UnknownMessageType))]
    [InlineData("""{"type":"tick","symbol":"EURUSD","ask":1.1,"ts_ms":1763900000000}""", nameof(IngestRejectReason.MissingField))]
    [InlineData("""{"type":"tick","symbol":"EURUSD","bid":1.1,"ask":1.1}""", nameof(IngestRejectReason.MissingField))]
    [InlineData("""{"type":"tick","symbol":"EURUSD","bid":"1.1","ask":1.1,"ts_ms":1763900000000}""", nameof(IngestRejectReason.WrongType))]
    [InlineData("""{"type":"tick","symbol":"BTCUSD","bid":1.1,"ask":1.1,"ts_ms":1763900000000}""", nameof(IngestRejectReason.UnknownSymbol))]
    [InlineData("""{"type":"tick","symbol":"EURUSD","bid":-1.1,"ask":1.1,"ts_ms":1763900000000}""", nameof(IngestRejectReason.BadPrice))]
    [InlineData("""{"type":"tick","symbol":"EURUSD","bid":0,"ask":1.1,"ts_ms":1763900000000}""", nameof(IngestRejectReason.BadPrice))]
    [InlineData("""{"type":"tick","symbol":"EURUSD","bid":1.2,"ask":1.1,"ts_ms":1763900000000}""", nameof(IngestRejectReason.AskBelowBid))]
    [InlineData("""{"type":"tick","symbol":"EURUSD","bid":1.1,"ask":1.2,"ts_ms":1763900000}""", nameof(IngestRejectReason.BadTimestamp))]
    [InlineData("""{"type":"tick","symbol":"EURUSD","bid":1.1,"ask":1.2,"time":"2025-09-11 12:34:56"}""", nameof(IngestRejectReason.BadTimestamp))]
    [InlineData("""{"type":"tick","symbol":"EURUSD","bid":1.1,"ask":1.2,"time":"2025.02.30 12:34:56"}""", nameof(IngestRejectReason.BadTimestamp))]
    public void Read_WhenBadInput_RejectsWithTheReasonAndNeverThrows(string json, string expected) =>
        Reader().Read(Utf8(json), 0).ShouldBe(Enum.Parse<IngestRejectReason>(expected));

    [Fact]
    public void Read_WhenHugeTokenOrId_RejectsInsteadOfOverflowing()
    {
        var json = $$"""{"type":"tick","ea_id":"{{new string('a', 500)}}","symbol":"EURUSD","bid":1.1,"ask":1.2,"ts_ms":1763900000000}""";

        Reader().Read(Utf8(json), 0).ShouldBe(IngestRejectReason.WrongType);
    }

    [Fact]
    public void Read_WhenTickOnTheSteadyStatePath_DoesNotAllocate()
    {
        var reader = Reader();
        var json = Utf8("""{"type":"tick","ea_id":"ea-1","ea_token":"s3cret","symbol":"EURUSD","bid":1.09875,"ask":1.09895,"ts_ms":1763900000123}""");
        reader.Read(json, 0);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            reader.Read(json, i);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    [Theory]
    [InlineData("""{"type":"heartbeat","ea_id":"e","ea_token":"t","balance":1}""", nameof(EaMessageType.Heartbeat))]
    [InlineData("""{"type":"HEARTBEAT","ea_id":"e","ea_token":"t","balance":1}""", nameof(EaMessageType.Heartbeat))]
    [InlineData("""{"type":"symbols","ea_id":"e","ea_token":"t","symbols":[{"symbol":"EURUSD"}]}""", nameof(EaMessageType.Symbols))]
    [InlineData("""{"type":"bar","ea_id":"e","ea_token":"t","symbol":"EURUSD"}""", nameof(EaMessageType.Bar))]
    [InlineData("""{"type":"disconnect","ea_id":"e","ea_token":"t"}""", nameof(EaMessageType.Disconnect))]
    public void Read_WhenOtherMessageType_ClassifiesItAndKeepsTheCredentials(string json, string type)
    {
        var reader = Reader();

        reader.Read(Utf8(json), 0).ShouldBe(IngestRejectReason.None);

        reader.Type.ShouldBe(Enum.Parse<EaMessageType>(type));
        reader.HasCredentials.ShouldBeTrue();
    }
}
