using Bitten.Modules.Signals.Replay;

namespace Bitten.Modules.Signals.Tests.Replay;

public sealed class MetaTraderReaderTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new("metatrader");

    [SharedDataFact("fx/mt4_eurusd_m1_2022")]
    public void Read_WhenTheRealMt4ExportInBrokerTime_ConvertsWithTheGivenOffset()
    {
        var bars = HistoryFiles.All(new MetaTraderReader(HistoryFiles.Mt4, SourceClock.Parse("UTC+3", out _)!));

        bars.Count.ShouldBe(34_342);
        bars[0].OpenTimeMs.ShouldBe(HistoryFiles.Utc(2022, 8, 15, 7, 6), "2022.08.15 10:06 server time at GMT+3 is 07:06 UTC");
        (bars[0].Open, bars[0].High, bars[0].Low, bars[0].Close, bars[0].Volume).ShouldBe((1.0234, 1.02359, 1.0234, 1.02348, 105));
        double.IsNaN(bars[0].Spread).ShouldBeTrue("an MT4 export has no spread column");
    }

    [SharedDataFact("fx/mt4_eurusd_m1_2022")]
    public void Read_WhenTheBrokerClockIsAZoneWithDaylightSaving_ShiftsAnHourAtTheChange()
    {
        // Athens is GMT+3 in summer and GMT+2 from the last Sunday of October (2022-10-30): the file ends before, so +3 throughout.
        var zone = HistoryFiles.All(new MetaTraderReader(HistoryFiles.Mt4, SourceClock.Parse("Europe/Athens", out _)!));
        var fixedOffset = HistoryFiles.All(new MetaTraderReader(HistoryFiles.Mt4, SourceClock.Parse("+03:00", out _)!));

        zone.Select(b => b.OpenTimeMs).ShouldBe(fixedOffset.Select(b => b.OpenTimeMs));
        var clock = SourceClock.Parse("Europe/Athens", out _)!;
        clock.ToUtcMs(HistoryFiles.Utc(2022, 11, 1, 12, 0)).ShouldBe(HistoryFiles.Utc(2022, 11, 1, 10, 0), "GMT+2 in winter");
    }

    [SharedDataFact("smc/EURUSD_15M.csv")]
    public void Read_WhenAnMt5ExportWithHeaderAndSpread_KeepsTheSpreadInPriceUnits()
    {
        var bars = HistoryFiles.All(new MetaTraderReader(HistoryFiles.Mt5M15, SourceClock.Utc));

        bars.Count.ShouldBe(File.ReadLines(HistoryFiles.Mt5M15).Count() - 1);
        bars[0].OpenTimeMs.ShouldBe(HistoryFiles.Utc(2022, 10, 10, 0, 0));
        bars[0].Spread.ShouldBe(0.0002, 1e-12, "20 points of 0.00001");
        (bars[1].OpenTimeMs - bars[0].OpenTimeMs).ShouldBe(15 * 60_000);
    }

    [SharedDataFact("fx/h4_gmt")]
    public void Read_WhenTabSeparatedH4WithDashedDates_ReadsEveryRow()
    {
        var bars = HistoryFiles.All(new MetaTraderReader(HistoryFiles.H4, SourceClock.Utc));

        bars.Count.ShouldBe(25_847);
        bars[0].OpenTimeMs.ShouldBe(HistoryFiles.Utc(2007, 9, 4, 4, 0));
        bars[0].Close.ShouldBe(1.35985);
    }

    [Theory]
    [InlineData("2022.08.15,10:06,1.02340,1.02359,1.02340,1.02348,105\n2022.08.15,10:07,1.02345,1.02", 2, 1, "expected 7 ','-separated fields as on the first bar, found 4")]
    [InlineData("2022.08.15,10:06,1.02340,1.02359,1.02340,1.02348,105\n2022.08.15,10:07,1.02345,1.0234S,1.02330,1.02348,104\n", 2, 26, "'1.0234S' is not a number")]
    [InlineData("2022.08.15,10:06,1.02340,1.02359,1.02340,1.02348,105\n2022.08.15,10:07,1.02345,1.02348,1.02330,1.02348,104,9\n", 2, 1, "found 8")]
    [InlineData("2022.08.15,10:06,1.02340,1.02359,1.02340,1.02348,105\n2022.08.15,10:05,1.02345,1.02348,1.02330,1.02348,104\n", 2, 12, "time goes backwards")]
    [InlineData("2022.08.15,10:06,1.02340,1.02359,1.02340,1.02348,105\n2022.08.15,25:07,1.02345,1.02348,1.02330,1.02348,104\n", 2, 12, "not a time")]
    [InlineData("<DATE>\t<TIME>\t<OPEN>\t<HIGH>\t<LOW>\t<CLOSE>\t<TICKVOL>\t<VOL>\t<SPREAD>\n2022.10.10\t00:00:00\t0.97312\t0.97369\t0.97312\t0.97357\t60\t0\tx\n", 2, 58, "'x' is not a number")]
    public void Read_WhenALineIsBroken_ThrowsNamingFileLineAndColumn(string content, long line, int column, string problem)
    {
        var path = _directory.Combine("EURUSD1.csv");
        File.WriteAllText(path, content);

        var error = Should.Throw<HistoryFormatException>(() => HistoryFiles.All(new MetaTraderReader(path, SourceClock.Utc)));

        (error.File, error.Line, error.Column).ShouldBe(("EURUSD1.csv", line, column), error.Message);
        error.Message.ShouldContain(problem);
    }

    public void Dispose() => _directory.Dispose();
}
