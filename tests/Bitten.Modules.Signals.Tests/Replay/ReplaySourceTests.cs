using Bitten.Modules.Signals.Replay;

namespace Bitten.Modules.Signals.Tests.Replay;

public sealed class ReplaySourceTests : IDisposable
{
    private const string Jan = "20170102 020000;1.051550;1.051970;1.051550;1.051900;0\n20170102 020100;1.052090;1.052090;1.051770;1.051790;0\n";
    private const string Feb = "20170201 000000;1.079070;1.079100;1.078920;1.078930;0\n";
    private readonly TemporaryDirectory _directory = new("replay");

    [Fact]
    public void Open_WhenAFolderHoldsFilesNamedOutOfTimeOrder_ReplaysThemInTimeOrderAsBidBarPaths()
    {
        File.WriteAllText(_directory.Combine("a_feb.csv"), Feb);
        File.WriteAllText(_directory.Combine("b_jan.csv"), Jan);
        File.WriteAllText(_directory.Combine("README.md"), "not data");

        using var source = ReplaySource.Open([_directory.Path], Settings());
        var ticks = Drain(source);

        source.Files.Select(f => Path.GetFileName(f.Path)).ShouldBe(["b_jan.csv", "a_feb.csv"]);
        source.Bars.ShouldBe(3);
        ticks.Count.ShouldBe(12);
        ticks[0].ShouldBe(new HistoricalTick(HistoryFiles.Utc(2017, 1, 2, 7, 0), 1.05155, 1.05155 + 0.00008), "bid bars: bid is the price, ask adds the spread");
        ticks[1].Bid.ShouldBe(1.05155, "open → the nearer extreme (the low, which is the open) at ¼ of the minute");
        ticks[1].TsMs.ShouldBe(ticks[0].TsMs + 15_000);
        ticks[2].Bid.ShouldBe(1.05197, "then the other extreme");
        ticks[3].Bid.ShouldBe(1.0519);
        ticks.Select(t => t.TsMs).ShouldBeInOrder();
    }

    [Fact]
    public void Read_WhenAPeriodIsGiven_ReplaysOnlyThatPeriod()
    {
        File.WriteAllText(_directory.Combine("jan.csv"), Jan);
        File.WriteAllText(_directory.Combine("feb.csv"), Feb);

        using var source = ReplaySource.Open([_directory.Path], Settings() with { FromMs = HistoryFiles.Utc(2017, 1, 2, 7, 1), ToMs = HistoryFiles.Utc(2017, 2, 1, 0, 0) });

        Drain(source).Count.ShouldBe(4);
        source.Bars.ShouldBe(1);
    }

    [Fact]
    public void Read_WhenTwoFilesOverlapInTime_SaysWhichFileGoesBack()
    {
        File.WriteAllText(_directory.Combine("one.csv"), Jan);
        File.WriteAllText(_directory.Combine("two.csv"), "20170102 020030;1.051550;1.051970;1.051550;1.051900;0\n20170102 020200;1.051550;1.051970;1.051550;1.051900;0\n");

        using var source = ReplaySource.Open([_directory.Path], Settings());

        Should.Throw<HistoryFormatException>(() => Drain(source)).Message.ShouldContain("overlaps the previous file one.csv");
    }

    [Theory]
    [InlineData("20170102 020000;1.051550;1.051970;1.051550;1.051900;0\n", "HistData")]
    [InlineData("2022.08.15,10:06,1.02340,1.02359,1.02340,1.02348,105\n", "MetaTrader")]
    [InlineData("<DATE>\t<TIME>\t<OPEN>\t<HIGH>\t<LOW>\t<CLOSE>\t<TICKVOL>\t<VOL>\t<SPREAD>\n", "MetaTrader")]
    [InlineData("timestamp,bid,ask\n1,1.1,1.2\n", "TickCsv")]
    [InlineData("\uFEFF[[1,1.2,1.1]]", "TickJson")]
    public void Detect_WhenTheFirstLineIsOfAFormat_NamesThatFormat(string content, string format)
    {
        var path = _directory.Combine("file.dat");
        File.WriteAllText(path, content);

        ReplaySource.Detect(path).ToString().ShouldBe(format);
    }

    [Fact]
    public void Detect_WhenNothingMatches_ThrowsNamingTheFile()
    {
        var path = _directory.Combine("prices.txt");
        File.WriteAllText(path, "hello world\n");

        Should.Throw<HistoryFormatException>(() => ReplaySource.Detect(path)).Message.ShouldStartWith("prices.txt:1:1: unrecognised history format");
    }

    [Fact]
    public void Open_WhenAMetaTraderExportHasNoClock_AsksForTz()
    {
        File.WriteAllText(_directory.Combine("EURUSD1.csv"), "2022.08.15,10:06,1.02340,1.02359,1.02340,1.02348,105\n");

        Should.Throw<ArgumentException>(() => ReplaySource.Open([_directory.Path], Settings())).Message.ShouldContain("--tz");
    }

    private static ReplaySettings Settings() => new("EURUSD", 0.0001, 5);

    private static List<HistoricalTick> Drain(ReplaySource source)
    {
        var ticks = new List<HistoricalTick>();
        while (source.TryRead(out var t))
        {
            ticks.Add(t);
        }

        return ticks;
    }

    public void Dispose() => _directory.Dispose();
}
