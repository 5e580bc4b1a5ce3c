using System.Text;
using Bitten.Contracts.Common;
using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Ingest;

namespace Bitten.Modules.Signals.Tests.Ingest;

public sealed class EaFeedDocumentsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Heartbeat_WhenComplete_ReadsBalancesAndPositions()
    {
        var json = """
            {"type":"heartbeat","ea_id":"ea-1","ea_token":"t","balance":10000.5,"equity":10050.25,"margin":100,"free_margin":9950,
             "margin_level":10050.2,"currency":"EUR","ts_ms":1763900000000,
             "positions":[{"position":123,"fire_id":"01ARZ3NDEKTSV4RRFFQ69G5FAV","symbol":"EURUSD","side":"BUY","volume":0.1,
                           "open_price":1.1,"sl":1.095,"tp":1.1075,"profit":12.5,"open_ts_ms":1763800000000},
                          {"position":124,"symbol":"USDJPY","side":"SELL","volume":1,"open_price":151.2,"profit":-3}]}
            """;

        var parsed = EaFeedDocuments.Heartbeat(Encoding.UTF8.GetBytes(json), Now);

        parsed.Reason.ShouldBe(IngestRejectReason.None);
        var hb = parsed.Value.ShouldNotBeNull();
        hb.EaId.ShouldBe("ea-1");
        hb.Currency.ShouldBe("EUR");
        hb.Balance.ShouldBe(10000.5m);
        hb.Equity.ShouldBe(10050.25m);
        hb.Positions.Count.ShouldBe(2);
        hb.Positions[0].ShouldBe(new EaPosition(123, "01ARZ3NDEKTSV4RRFFQ69G5FAV", "EURUSD", Side.Buy, 0.1m, 1.1m, 1.095m, 1.1075m, 12.5m, 1763800000000));
        hb.Positions[1].FireId.ShouldBeNull("a position BITTEN did not open has no fire id");
    }

    [Theory]
    [InlineData("""{"type":"heartbeat","ea_id":"e","equity":1}""", nameof(IngestRejectReason.MissingField), "balance is required")]
    [InlineData("""{"type":"heartbeat","ea_id":"e","balance":"lots","equity":1}""", nameof(IngestRejectReason.WrongType), "balance must be a number")]
    [InlineData("""{"type":"heartbeat","ea_id":"e","balance":1,"equity":1,"positions":[{"position":1,"symbol":"EURUSD","side":"LONG","volume":1,"open_price":1}]}""", nameof(IngestRejectReason.WrongType), "side 'LONG'")]
    public void Heartbeat_WhenBroken_SaysWhichField(string json, string reason, string message)
    {
        var parsed = EaFeedDocuments.Heartbeat(Encoding.UTF8.GetBytes(json), Now);

        parsed.Reason.ShouldBe(Enum.Parse<IngestRejectReason>(reason));
        parsed.Error.ShouldNotBeNull().ShouldContain(message);
    }

    [Fact]
    public void Symbols_WhenReported_MapsBrokerNamesToCanonicalOnes()
    {
        var json = """
            {"type":"symbols","ea_id":"ea-1","ea_token":"t","symbols":[{"symbol":"EURUSD","broker_symbol":"EURUSD.m","digits":5,"point":0.00001,
              "tick_size":0.00001,"tick_value":1,"contract_size":100000,"volume_min":0.01,"volume_step":0.01,"volume_max":100,
              "stops_level_points":10,"currency_profit":"USD","filling_modes":2}]}
            """;

        var parsed = EaFeedDocuments.Symbols(Encoding.UTF8.GetBytes(json), Now);

        var spec = parsed.Value.ShouldNotBeNull().Symbols.ShouldHaveSingleItem();
        spec.Symbol.ShouldBe("EURUSD");
        spec.BrokerSymbol.ShouldBe("EURUSD.m");
        spec.TickValue.ShouldBe(1m);
        spec.VolumeStep.ShouldBe(0.01m);
    }

    [Fact]
    public void Bar_WhenHighBelowLow_IsRejected()
    {
        var json = """{"type":"bar","ea_id":"e","symbol":"EURUSD","tf":"M5","open_ts_ms":1763900000000,"open":1.1,"high":1.0,"low":1.2,"close":1.1}""";

        EaFeedDocuments.Bar(Encoding.UTF8.GetBytes(json)).Reason.ShouldBe(IngestRejectReason.BadPrice);
    }

    [Fact]
    public void Bar_WhenUnknownTimeframe_NamesIt()
    {
        var json = """{"type":"bar","ea_id":"e","symbol":"EURUSD","tf":"D1","open_ts_ms":1763900000000,"open":1.1,"high":1.2,"low":1.0,"close":1.1}""";

        EaFeedDocuments.Bar(Encoding.UTF8.GetBytes(json)).Error.ShouldNotBeNull().ShouldContain("tf 'D1'");
    }
}
