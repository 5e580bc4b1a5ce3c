using Bitten.Modules.Signals.Replay;

namespace Bitten.Modules.Signals.Tests.Replay;

public sealed class HistDataReaderTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new("histdata");

    [SharedDataFact("fx/histdata_eurusd_m1_2017")]
    public void Read_WhenTheFourRealMonths_GivesTheReadmeCountsInUtcMinusFive()
    {
        var counts = new[] { "01", "02", "03", "04" }.Select(m => HistoryFiles.All(new HistDataReader(HistoryFiles.HistData(m)))).ToList();

        counts.Select(c => c.Count).ShouldBe([31_500, 28_779, 32_660, 29_161]);
        var first = counts[0][0];
        first.OpenTimeMs.ShouldBe(HistoryFiles.Utc(2017, 1, 2, 7, 0), "20170102 020000 EST (fixed UTC-5) is 07:00 UTC");
        (first.Open, first.High, first.Low, first.Close).ShouldBe((1.05155, 1.05197, 1.05155, 1.0519));
        counts[3][^1].OpenTimeMs.ShouldBe(HistoryFiles.Utc(2017, 5, 1, 4, 58), "20170430 235800 EST");
    }

    [SharedDataFact("fx/histdata_eurusd_m1_2017")]
    public void Read_WhenParsedByHand_EqualsDoubleParseOnEveryPrice()
    {
        var lines = File.ReadLines(HistoryFiles.HistData("02")).Take(5_000).ToList();
        var bars = HistoryFiles.All(new HistDataReader(HistoryFiles.HistData("02"))).Take(5_000).ToList();

        for (var i = 0; i < lines.Count; i++)
        {
            var f = lines[i].Split(';');
            bars[i].Close.ShouldBe(double.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture));
            bars[i].Low.ShouldBe(double.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData("20170102 020000;1.051550;1.051970;1.051550;1.051900;0\n20170102 020100;1.052090;1.05", 2, 1, "expected 6")]
    [InlineData("20170102 020000;1.051550;1.051970;1.051550;1.051900;0\n20170102 020100;1.052090;1.05x090;1.051770;1.051790;0\n", 2, 26, "'1.05x090' is not a number")]
    [InlineData("20170102 020000;1.051550;1.051970;1.051550;1.051900;0;7\n", 1, 1, "found 7")]
    [InlineData("20170102 020000;1.051550;1.051970;1.051550;1.051900;0\n20170102 015900;1.052090;1.052090;1.051770;1.051790;0\n", 2, 1, "time goes backwards")]
    [InlineData("20170102 020000;1.051550;1.051970;1.051550;1.051900;0\n20170102 020000;1.052090;1.052090;1.051770;1.051790;0\n", 2, 1, "time goes backwards (or repeats)")]
    [InlineData("20171302 020000;1.051550;1.051970;1.051550;1.051900;0\n", 1, 1, "not a time")]
    [InlineData("20170102 020000;1.051550;1.041970;1.051550;1.051900;0\n", 1, 17, "low <= open, close <= high")]
    public void Read_WhenALineIsBroken_ThrowsNamingFileLineAndColumn(string content, long line, int column, string problem)
    {
        var path = _directory.Combine("DAT_ASCII_BROKEN.csv");
        File.WriteAllText(path, content);

        var error = Should.Throw<HistoryFormatException>(() => HistoryFiles.All(new HistDataReader(path)));

        error.File.ShouldBe("DAT_ASCII_BROKEN.csv");
        error.Line.ShouldBe(line);
        error.Column.ShouldBe(column);
        error.Message.ShouldStartWith($"DAT_ASCII_BROKEN.csv:{line}:{column}: ");
        error.Message.ShouldContain(problem);
    }

    [Fact]
    public void Read_WhenPlainAndUnusualNumbersMix_EveryPriceEqualsDoubleParse()
    {
        // Plain lines take the reader's one-pass path; a space, a sign, an exponent or more than 15 digits take the
        // general path. Both must give what double.Parse gives.
        string[] lines =
        [
            "20170102 020000;1.051550;1.051970;1.051550;1.051900;0",
            "20170102 020100;1.052090 ; 1.052090;1.051770;1.051790;12",
            "20170102 020200;+1.05209;1.052090;1.051770;1.051790;0",
            "20170102 020300;1.05209e0;1.052090;1.051770;1.051790;0",
            "20170102 020400;1.0520912345678901;1.052091234567891;1.051770;1.051790;0.5",
            "20170102 020500;1.;2;1;1;0",
        ];
        var path = _directory.Combine("DAT_ASCII_MIXED.csv");
        File.WriteAllText(path, string.Join('\n', lines) + "\n");

        var bars = HistoryFiles.All(new HistDataReader(path, SourceClock.Utc));

        bars.Count.ShouldBe(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var f = lines[i].Split(';').Skip(1).Select(t => double.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            bars[i].ShouldBe(new HistoricalBar(HistoryFiles.Utc(2017, 1, 2, 2, i), f[0], f[1], f[2], f[3], f[4]), lines[i]);
        }
    }

    [Fact]
    public void Read_WhenCrLfAndAnotherClock_ConvertsWithThatOffset()
    {
        var path = _directory.Combine("crlf.csv");
        File.WriteAllText(path, "20170102 020000;1.051550;1.051970;1.051550;1.051900;0\r\n\r\n20170102 020100;1.052090;1.052090;1.051770;1.051790;0\r\n");

        var bars = HistoryFiles.All(new HistDataReader(path, SourceClock.Utc));

        bars.Select(b => b.OpenTimeMs).ShouldBe([HistoryFiles.Utc(2017, 1, 2, 2, 0), HistoryFiles.Utc(2017, 1, 2, 2, 1)]);
    }

    public void Dispose() => _directory.Dispose();
}
