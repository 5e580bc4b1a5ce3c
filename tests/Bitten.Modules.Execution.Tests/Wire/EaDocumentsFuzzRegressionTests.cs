using System.Text;
using System.Text.Json;
using Bitten.Modules.Execution.Wire;

namespace Bitten.Modules.Execution.Tests.Wire;

/// <summary>Inputs found by bench/Bitten.Bench.Fuzz (minimized, base64) that threw out of the EA JSON readers.</summary>
public sealed class EaDocumentsFuzzRegressionTests
{
    [Theory]
    [InlineData("eyJ0eXBlIjoiY29uZmlybWF0aW9uIiwiIjoiIiwiZmlyZV9pZCI6IjAiLCJzdGF0dXMiOiL/IiwiIjoiIiwiIjoiIn0=", "status")] // "status":"<0xFF>"
    [InlineData("eyJ0eXBlIjoiSEVBUlRCRUFUIiwiIjoiIiwiYWNjb3VudF9lcXVpdHkiOiL/IiwiIjpbeyIiOiIiLCIiOiIifV19", "account_equity")]
    [InlineData("eyJ0eXBlIjoiY29uZmlybWF0aW9uIiwiIjoiIiwiIjoiIiwiZmlyZV9pZCI6InMiLCJ0aWNrZXQiOiL/IiwiIjoiIiwiIjoiIiwiIjoiIn0=", "ticket")]
    public void Readers_WhenAStringCannotBeDecoded_ReadItAsAbsent(string base64, string field)
    {
        using var document = JsonDocument.Parse(Convert.FromBase64String(base64));
        var root = document.RootElement;

        root.Str(field).ShouldBeNull();
        root.Dec(field).ShouldBeNull();
        root.Long(field).ShouldBeNull();
        root.Type().ShouldNotBeEmpty();
    }

    [Fact]
    public void Str_WhenAPropertyNameEscapesALoneSurrogate_ReadsOthersAsAbsentInsteadOfThrowing()
    {
        using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes("""{"\ud800":1,"type":"pong"}"""));

        Should.NotThrow(() => document.RootElement.Str("ea_id")).ShouldBeNull();
    }

    [Fact]
    public void Heartbeat_WhenLookingForPositionsMeetsAnUndecodableName_ReadsTheRest()
    {
        // minimized: {"type":"heartbeat",...,"po\ud800ns":[...]} — TryGetProperty("positions") threw while comparing names
        using var document = JsonDocument.Parse(Convert.FromBase64String(
            "eyJ0eXBlIjoiaGVhcnRiZWF0IiwiIjoiIiwiYmFsYW5jZSI6MSwiZXF1aXR5Ijo1LCIiOjQsIiI6IiIsInBvXHVkODAwbnMiOlt7IiI6MSwiIjo5LCIiOjUsIiI6MX1dLCIiOjl9"));

        var heartbeat = EaDocuments.Heartbeat(document.RootElement, "ea-1", DateTimeOffset.UnixEpoch).ShouldNotBeNull();

        heartbeat.Balance.ShouldBe(1m);
        heartbeat.Equity.ShouldBe(5m);
        heartbeat.Positions.ShouldBeEmpty();
    }

    [Fact]
    public void CloseReport_WhenProfitPlusCommissionOverflows_IsRefusedAsBadValue()
    {
        using var document = JsonDocument.Parse("""{"close_price":1.1,"profit":79228162514264337593543950335,"commission":1}""");

        EaDocuments.CloseReport(document.RootElement, out var reason, out var detail).ShouldBeNull();

        reason.ShouldBe("bad_value");
        detail.ShouldContain("out of range");
    }

    [Theory]
    [InlineData("""{"broker_utc_offset_s":4294974496}""", null)]
    [InlineData("""{"broker_utc_offset_s":-90000}""", null)]
    [InlineData("""{"broker_utc_offset_s":"7200"}""", 7200)]
    public void Hello_WhenTheBrokerOffsetWouldWrapAnInt_ReadsItAsAbsent(string json, int? expected)
    {
        using var document = JsonDocument.Parse(json);

        EaDocuments.Hello(document.RootElement).BrokerUtcOffsetSeconds.ShouldBe(expected);
    }
}
