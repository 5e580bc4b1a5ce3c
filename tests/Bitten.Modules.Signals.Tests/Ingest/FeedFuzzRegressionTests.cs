using System.Text;
using Bitten.Modules.Signals.Ingest;
using Bitten.Modules.Signals.Market;

namespace Bitten.Modules.Signals.Tests.Ingest;

/// <summary>Inputs found by bench/Bitten.Bench.Fuzz (minimized, base64) that threw out of the feed readers.</summary>
public sealed class FeedFuzzRegressionTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("eyIiOiIiLCJlYV90b2tlbiI6Iv8i")] // {"":"","ea_token":"<0xFF>" — invalid UTF-8 inside a string
    [InlineData("eyJcdWQ4MDAiOg==")] // {"\ud800": — a property name escaping a lone surrogate
    [InlineData("eyJ0eXBlIjoiXHVkODAwIg==")] // {"type":"\ud800" — an escaped type that cannot be decoded
    public void Read_WhenAStringCannotBeDecoded_RejectsAsMalformedInsteadOfThrowing(string base64)
    {
        var reader = new EaMessageReader(new SymbolCatalog(["EURUSD"], []), new BrokerOffsets());

        reader.Read(Convert.FromBase64String(base64), 0).ShouldBe(IngestRejectReason.MalformedJson);
    }

    [Theory]
    [InlineData("eyJ0eXBlIjoiYmFyIiwiIjoiIiwiIjoiIiwidGYiOiKAIiwiIjoyfQ==", "bar")] // "tf":"<0x80>"
    [InlineData("eyJ0eXBlIjoiZGlzY29ubmVjdCIsImVhX2lkIjoiIiwiIjoiIiwicmVhc29uIjoi/yJ9", "disconnect")] // "reason":"<0xFF>"
    [InlineData("eyJ0eXBlIjoiYmFyIiwiIjoiIiwic3ltYm9sIjoiIiwidGYiOiJNNSIsIm9wZW5cdWRjMDBzIjoyfQ==", "bar")] // a name escaping \udc00
    [InlineData("eyJ0eXBlIjoiSEVBUlRCRUFUIiwiZWFfaWQiOiIiLCIiOiIiLCJiYVx1ZGNjZSI6MSwiIjpudWxsLCIiOjB9", "heartbeat")]
    public void Documents_WhenAStringCannotBeDecoded_ReturnMalformedJson(string base64, string type)
    {
        var json = Convert.FromBase64String(base64);

        var reason = type switch
        {
            "bar" => EaFeedDocuments.Bar(json).Reason,
            "disconnect" => EaFeedDocuments.Disconnect(json, Now).Reason,
            _ => EaFeedDocuments.Heartbeat(json, Now).Reason,
        };

        reason.ShouldBe(IngestRejectReason.MalformedJson);
    }

    [Fact]
    public void Heartbeat_WhenAPositionIsNotAnObject_SaysSo()
    {
        var parse = EaFeedDocuments.Heartbeat(Encoding.UTF8.GetBytes("""{"type":"heartbeat","ea_id":"e","balance":1,"equity":1,"positions":[7]}"""), Now);

        parse.Reason.ShouldBe(IngestRejectReason.WrongType);
        parse.Error.ShouldBe("positions[] must be an object");
    }

    [Fact]
    public void Symbols_WhenAnEntryIsNotAnObject_SaysSo()
    {
        var parse = EaFeedDocuments.Symbols(Encoding.UTF8.GetBytes("""{"type":"symbols","ea_id":"e","symbols":["EURUSD"]}"""), Now);

        parse.Reason.ShouldBe(IngestRejectReason.WrongType);
        parse.Error.ShouldBe("symbols[] must be an object");
    }

    [Fact]
    public void Heartbeat_WhenTheBrokerOffsetWouldWrapAnInt_IsRejected()
    {
        var parse = EaFeedDocuments.Heartbeat(Encoding.UTF8.GetBytes("""{"type":"heartbeat","ea_id":"e","balance":1,"equity":1,"broker_utc_offset_s":4294974496}"""), Now);

        parse.Reason.ShouldBe(IngestRejectReason.WrongType);
        parse.Error!.ShouldContain("broker_utc_offset_s");
    }
}
