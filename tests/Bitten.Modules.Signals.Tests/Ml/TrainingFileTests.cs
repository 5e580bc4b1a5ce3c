using Bitten.Modules.Signals.Ml;

namespace Bitten.Modules.Signals.Tests.Ml;

public sealed class TrainingFileTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new("ml-training-file");

    [Fact]
    public void Read_OfJsonLines_KeepsWinsAndLosses_AndSkipsTimeouts()
    {
        var path = _directory.Combine("rows.jsonl");
        using (var w = new StreamWriter(path))
        {
            TrainingFile.Write(w, "A", 1000, "EURUSD", "ORDER_BLOCK_BOUNCE", "WIN", new Dictionary<string, double> { ["tcs"] = 81.5 });
            TrainingFile.Write(w, "B", 2000, "EURUSD", "MOMENTUM_BURST", "TIMEOUT", new Dictionary<string, double> { ["tcs"] = 70 });
            TrainingFile.Write(w, "C", 3000, "GBPUSD", "MOMENTUM_BURST", "LOSS", new Dictionary<string, double> { ["tcs"] = 74, ["rsi"] = 40.25 });
        }

        var rows = TrainingFile.Read(path);

        rows.Select(r => (r.Id, r.CreatedMs, r.Win)).ShouldBe([("A", 1000L, true), ("C", 3000L, false)]);
        rows[1].Features["rsi"].ShouldBe(40.25);
        rows[1].Symbol.ShouldBe("GBPUSD");
    }

    [Fact]
    public void Read_OfTheBacktestSignalsCsv_TakesTheLabelAndTheFeatureColumns()
    {
        var path = _directory.Combine("signals.csv");
        File.WriteAllText(path,
            "signal_id,created_utc,symbol,pattern,outcome,label,r,f_tcs,f_rsi\n" +
            "S1,2017-01-03T10:05:00.000Z,EURUSD,ORDER_BLOCK_BOUNCE,WIN,1,1.5,81.5,44.2\n" +
            "S2,2017-01-03T11:00:00.000Z,EURUSD,MOMENTUM_BURST,TIMEOUT,,0.1,70,\n" +
            "S3,2017-01-03T12:00:00.000Z,EURUSD,MOMENTUM_BURST,LOSS,0,-1,74,\n");

        var rows = TrainingFile.Read(path);

        rows.Count.ShouldBe(2);
        rows[0].ShouldSatisfyAllConditions(
            r => r.Id.ShouldBe("S1"),
            r => r.CreatedMs.ShouldBe(new DateTimeOffset(2017, 1, 3, 10, 5, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()),
            r => r.Win.ShouldBeTrue(),
            r => r.Features["tcs"].ShouldBe(81.5),
            r => r.Features["rsi"].ShouldBe(44.2));
        rows[1].Win.ShouldBeFalse();
        rows[1].Features.ContainsKey("rsi").ShouldBeFalse("an empty cell is a missing feature");
    }

    [Theory]
    [InlineData("S1,2017-01-03T10:05:00.000Z,EURUSD,P,WIN,maybe,1,81\n", "signals.csv:2: label")]
    [InlineData("S1,yesterday,EURUSD,P,WIN,1,1,81\n", "signals.csv:2: created_utc")]
    [InlineData("S1,2017-01-03T10:05:00.000Z,EURUSD,P,WIN,1,1,eighty\n", "signals.csv:2: f_tcs")]
    [InlineData("S1,2017-01-03T10:05:00.000Z,EURUSD\n", "signals.csv:2: 3 fields")]
    public void Read_OfABrokenBacktestCsv_NamesTheLine(string row, string message)
    {
        var path = _directory.Combine("signals.csv");
        File.WriteAllText(path, "signal_id,created_utc,symbol,pattern,outcome,label,r,f_tcs\n" + row);

        Should.Throw<FormatException>(() => TrainingFile.Read(path)).Message.ShouldContain(message);
    }

    public void Dispose() => _directory.Dispose();
}
