using System.Text.Json;
using Bitten.Modules.Signals.Engine;

namespace Bitten.Modules.Signals.Tests.Engine;

public sealed class TickRelayJsonTests
{
    [Fact]
    public void Format_ForManyPrices_IsByteForByteWhatUtf8JsonWriterWrites()
    {
        string[] symbols = ["EURUSD", "USDJPY", "XAUUSD", "GER40.cash"];
        var relay = new TickRelayJson(symbols);
        var random = new Random(7);
        double[] awkward = [1e-5, 0.1 + 0.2, 1234567.125, 1.0, 100, 5e-324, 1.7976931348623157e308, 1.07125];
        for (var i = 0; i < 20_000; i++)
        {
            var symbol = i % symbols.Length;
            var bid = i < awkward.Length ? awkward[i] : Math.Round(random.NextDouble() * Math.Pow(10, random.Next(-1, 5)), random.Next(0, 7));
            var ask = bid + (random.Next(0, 50) * 0.00001);
            var ts = 1_700_000_000_000L + (i * 137L);

            var expected = Reference(symbols[symbol], bid, ask, ts);

            System.Text.Encoding.UTF8.GetString(relay.Format(symbol, bid, ask, ts)).ShouldBe(expected);
        }
    }

    private static string Reference(string symbol, double bid, double ask, long ts)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("symbol", symbol);
            json.WriteNumber("bid", bid);
            json.WriteNumber("ask", ask);
            json.WriteNumber("ts_ms", ts);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
