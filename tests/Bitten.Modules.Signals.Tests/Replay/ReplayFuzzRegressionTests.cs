using System.Text;
using Bitten.Modules.Signals.Replay;

namespace Bitten.Modules.Signals.Tests.Replay;

/// <summary>Inputs found by bench/Bitten.Bench.Fuzz (minimized) that threw something other than <see cref="HistoryFormatException"/>.</summary>
public sealed class ReplayFuzzRegressionTests
{
    [Fact]
    public void TickCsv_WhenAnEpochIsPastYear9999_SaysItIsNotATime()
    {
        // the line after it went "backwards", and formatting that message threw ArgumentOutOfRangeException
        var csv = Convert.FromBase64String("OTsuNDs4CjQ0Oy40OzkKNDc7Ljc7MQo0OTIzODQwMzYwNDM2MDQ7NDs2CjI7MTsx");

        var error = Should.Throw<HistoryFormatException>(() => HistoryFiles.All(new TickCsvReader(new LineReader(new MemoryStream(csv), "fuzz.csv"), SourceClock.Utc)));

        (error.Line, error.Column).ShouldBe((4, 1));
        error.Problem.ShouldStartWith("'492384036043604' is not a time");
    }

    [Fact]
    public void TickJson_WhenAnEpochIsPastYear9999_SaysItIsNotATime()
    {
        var json = Convert.FromBase64String("W3sidGltZXN0YW1wIjo0MTE1NDkyMzg0MDEyNzEsImJpZCI6MS40LCJhc2siOjZ9LHsidGltZXN0YW1wIjo0LCJiaWQiOjEuMiwiYXNrIjo1fQ==");

        var error = Should.Throw<HistoryFormatException>(() => HistoryFiles.All(new TickJsonReader(new MemoryStream(json), "fuzz.json", SourceClock.Utc)));

        error.Problem.ShouldContain("time");
        error.Column.ShouldBe(15);
    }

    [Fact]
    public void Stamp_WhenOutsideTheCalendar_ShowsMilliseconds()
    {
        BarReader.Stamp(long.MaxValue).ShouldBe("9223372036854775807 ms");
        BarReader.Stamp(long.MinValue).ShouldBe("-9223372036854775808 ms");
        BarReader.Stamp(0).ShouldBe("1970-01-01 00:00:00");
    }

    [Fact]
    public void TickJson_WhenAnErrorIsLocatedInAStream_ReportsLineAndColumnAndKeepsReading()
    {
        var json = Encoding.UTF8.GetBytes("[\n  [1549238400994, 1.14545, 1.14543],\n  [1549238401271, 1.14546 1.14544]\n]");

        var error = Should.Throw<HistoryFormatException>(() => HistoryFiles.All(new TickJsonReader(new MemoryStream(json), "ticks.json", SourceClock.Utc)));

        (error.File, error.Line, error.Column).ShouldBe(("ticks.json", 3, 27));
    }
}
