using System.Globalization;
using System.Text.Json;
using Bitten.Modules.Signals.Replay;

namespace Bitten.Modules.Signals.Tests.Replay;

public sealed class TickReaderTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new("ticks");

    [SharedDataFact("ticks/sample_tick_data.json")]
    public void Json_WhenTheRealDukascopyTicks_ReadsEveryTickAsAskThenBid()
    {
        var ticks = HistoryFiles.All(new TickJsonReader(HistoryFiles.Ticks, SourceClock.Utc));

        ticks.Count.ShouldBe(3_733);
        ticks[0].ShouldBe(new HistoricalTick(1549238400994, 1.14543, 1.14545), "[timestamp, ask, bid, …]: bid 1.14543, ask 1.14545");
        ticks[^1].TsMs.ShouldBe(HistoryFiles.Utc(2019, 2, 4, 0, 59, 59, 808));
        ticks.ShouldAllBe(t => t.Ask >= t.Bid);
    }

    [SharedDataFact("ticks/sample_tick_data.json")]
    public void Json_WhenTheBufferIsSmallerThanTheFile_StreamsTheSameTicks()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(HistoryFiles.Ticks));
        var expected = json.RootElement.EnumerateArray().Select(e => new HistoricalTick(e[0].GetInt64(), e[2].GetDouble(), e[1].GetDouble())).ToList();

        HistoryFiles.All(new TickJsonReader(HistoryFiles.Ticks, SourceClock.Utc)).ShouldBe(expected, "the 64 KiB buffer refills many times over this file");
    }

    [SharedDataFact("ticks/sample_tick_data.json")]
    public void Csv_WhenTheRealTicksWithAHeaderAndDukascopyTimes_ReadsThemBack()
    {
        var real = HistoryFiles.All(new TickJsonReader(HistoryFiles.Ticks, SourceClock.Utc));
        var path = _directory.Combine("EURUSD_ticks.csv");
        File.WriteAllLines(path, ["Gmt time,Ask,Bid,AskVolume,BidVolume", .. real.Select(t => string.Create(CultureInfo.InvariantCulture,
            $"{DateTimeOffset.FromUnixTimeMilliseconds(t.TsMs):dd.MM.yyyy HH:mm:ss.fff},{t.Ask},{t.Bid},1,1"))]);

        HistoryFiles.All(new TickCsvReader(path, SourceClock.Utc)).ShouldBe(real);
    }

    [Fact]
    public void Csv_WhenNoHeaderAndAnOffsetClock_ReadsTimeBidAskAndConverts()
    {
        var path = _directory.Combine("plain.csv");
        File.WriteAllText(path, "2019-02-04 02:00:00.994,1.14543,1.14545\n1549238401271,1.14544,1.14546\n");

        var ticks = HistoryFiles.All(new TickCsvReader(path, SourceClock.Parse("UTC+2", out _)!));

        ticks.ShouldBe([new HistoricalTick(1549238400994, 1.14543, 1.14545), new HistoricalTick(1549238401271, 1.14544, 1.14546)],
            "text times are in the file's clock; epoch milliseconds are UTC");
    }

    [Fact]
    public void Csv_WhenPlainAndUnusualNumbersMix_EveryLineEqualsDoubleParse()
    {
        // Plain lines take the reader's one-pass path; a space, a sign, an exponent or more than 15 digits take the
        // general path. Both must give what double.Parse gives.
        string[] lines =
        [
            "1549238400994,1.14543,1.14545",
            "1549238400995, 1.14543 ,1.14546",
            "1549238400996,+1.14543,1.14547",
            "1549238400997,1.14543e0,1.14548",
            "1549238400998,1.1454312345678901,1.1454912345678901",
            "1549238400999,1.,2",
            "1549238401000,.5,0.5000000000001",
            "1549238401001,114543,114545",
        ];
        var path = _directory.Combine("mixed.csv");
        File.WriteAllText(path, "ts_ms,bid,ask\n" + string.Join('\n', lines) + "\n");

        var ticks = HistoryFiles.All(new TickCsvReader(path, SourceClock.Utc));

        ticks.ShouldBe([.. lines.Select(l => l.Split(',')).Select(f => new HistoricalTick(
            long.Parse(f[0], CultureInfo.InvariantCulture), double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture)))]);
    }

    [Theory]
    [InlineData("1549238400994,1.14543,1.14545\n1549238400995,1.14544,\n", 2, 23, "'' is not a number")]
    [InlineData("1549238400994,1.14543,1.14545\n1549238400995,1.14544,1.14545,\n", 2, 1, "found 4")]
    [InlineData("1549238400994,1.14543,1.14545\n1549238400995,-1.14544,1.14545\n", 2, 15, "bid must be a positive price")]
    [InlineData("1549238400994,1.14543,1.14545\n9999999999999999,1.14544,1.14545\n", 2, 1, "is not a time")]
    public void Csv_WhenAHeaderlessLineIsBroken_ThrowsNamingItsColumn(string content, long line, int column, string problem)
    {
        var path = _directory.Combine("plain-broken.csv");
        File.WriteAllText(path, content);

        var error = Should.Throw<HistoryFormatException>(() => HistoryFiles.All(new TickCsvReader(path, SourceClock.Utc)));

        (error.Line, error.Column).ShouldBe((line, column), error.Message);
        error.Message.ShouldContain(problem);
    }

    [Theory]
    [InlineData("timestamp,bid,ask\n1549238400994,1.14543,1.14545\n1549238401271,1.1454", 3, 1, "expected 3 fields as on the first line, found 2")]
    [InlineData("timestamp,bid,ask\n1549238400994,1.14543,1.14545\n1549238401271,1.14S44,1.14546\n", 3, 15, "'1.14S44' is not a number")]
    [InlineData("timestamp,bid,ask\n1549238400994,1.14543,1.14545,7\n", 2, 1, "found 4")]
    [InlineData("timestamp,bid,ask\n1549238400994,1.14543,1.14545\n1549238400993,1.14544,1.14546\n", 3, 1, "time goes backwards")]
    [InlineData("timestamp,bid,ask\n1549238400994,1.14543,1.14540\n", 2, 23, "ask must not be below bid")]
    [InlineData("when,bid,ask\n", 1, 1, "must name a time column")]
    public void Csv_WhenALineIsBroken_ThrowsNamingFileLineAndColumn(string content, long line, int column, string problem)
    {
        var path = _directory.Combine("ticks.csv");
        File.WriteAllText(path, content);

        var error = Should.Throw<HistoryFormatException>(() => HistoryFiles.All(new TickCsvReader(path, SourceClock.Utc)));

        (error.File, error.Line, error.Column).ShouldBe(("ticks.csv", line, column), error.Message);
        error.Message.ShouldContain(problem);
    }

    [Theory]
    [InlineData("[\n  [1549238400994, 1.14545, 1.14543, 1, 2.06],\n  [1549238401271, 1.14546, 1.145", 3, 33, "not valid JSON")]
    [InlineData("[\n  [1549238400994, 1.14545, 1.14543, 1, 2.06],\n  [1549238401271, \"1.14546\", 1.14544, 1, 1]\n]", 3, 19, "element 2 (ask) must be a number")]
    [InlineData("[\n  [1549238400994, 1.14545]\n]", 2, 26, "at least 3 elements")]
    [InlineData("[\n  [1549238400994, 1.14545, 1.14543, 1, 2.06],\n  [1549238400993, 1.14546, 1.14544, 1, 1]\n]", 3, 4, "time goes backwards")]
    [InlineData("[\n  [1549238400994, 1.14545, 1.14543],\n  [1549238401271, 1.14546 1.14544]\n]", 3, 27, "not valid JSON")]
    [InlineData("[\n  {\"timestamp\": 1549238400994, \"bid\": 1.14543}\n]", 2, 3, "needs \"timestamp\"")]
    public void Json_WhenBroken_ThrowsNamingFileLineAndColumn(string content, long line, int column, string problem)
    {
        var path = _directory.Combine("ticks.json");
        File.WriteAllText(path, content);

        var error = Should.Throw<HistoryFormatException>(() => HistoryFiles.All(new TickJsonReader(path, SourceClock.Utc)));

        (error.File, error.Line, error.Column).ShouldBe(("ticks.json", line, column), error.Message);
        error.Message.ShouldContain(problem);
    }

    [Fact]
    public void Json_WhenObjectsWithTimeStrings_ReadsBidAndAskByName()
    {
        var path = _directory.Combine("objects.json");
        File.WriteAllText(path, """[{"ask":1.2,"bid":1.1,"time":"2024-01-02T03:04:05.5Z","note":{"x":[1,2]}},{"ts_ms":1704164646000,"bid":1.1,"ask":1.3}]""");

        HistoryFiles.All(new TickJsonReader(path, SourceClock.Utc)).ShouldBe(
            [new HistoricalTick(HistoryFiles.Utc(2024, 1, 2, 3, 4, 5, 500), 1.1, 1.2), new HistoricalTick(1704164646000, 1.1, 1.3)]);
    }

    public void Dispose() => _directory.Dispose();
}
