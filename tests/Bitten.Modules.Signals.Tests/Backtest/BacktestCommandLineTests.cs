using Bitten.Contracts.Hosting;
using Bitten.Modules.Signals.Backtest;
using Bitten.Modules.Signals.Replay;

namespace Bitten.Modules.Signals.Tests.Backtest;

public sealed class BacktestCommandLineTests
{
    [Fact]
    public void Parse_WhenEveryOptionIsGiven_ReadsThem()
    {
        var line = BacktestCommandLine.Parse(["--data", "a.csv", "b/", "--symbol", "usdjpy", "--from", "2017-01-03", "--to", "2017-02-01T12:30", "--tz", "UTC-5",
            "--out", "r", "--format", "histdata", "--spread", "1.2", "--spread-by-session", "--threshold", "74", "--ticks-only-clock", "--paths", "500", "--seed", "9", "--quiet"], out var error);

        error.ShouldBeNull();
        line.Data.ShouldBe([CallerPaths.Resolve("a.csv"), CallerPaths.Resolve("b/")], "relative paths are the shell's (see CallerPathsTests)");
        line.Symbol.ShouldBe("USDJPY");
        line.FromMs.ShouldBe(new DateTimeOffset(2017, 1, 3, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds());
        line.ToMs.ShouldBe(new DateTimeOffset(2017, 2, 1, 12, 30, 0, TimeSpan.Zero).ToUnixTimeMilliseconds());
        line.Clock!.Name.ShouldBe("UTC-05:00");
        (line.Out, line.Format, line.SpreadPips, line.SpreadBySession, line.FixedThreshold, line.DataClock, line.Paths, line.Seed, line.Quiet)
            .ShouldBe((CallerPaths.ResolveOutput("r"), HistoryFormat.HistData, 1.2, true, 74.0, false, 500, 9, true));
        line.Replay().PipSize.ShouldBe(0.01);
    }

    [Theory]
    [InlineData(new[] { "--symbol", "EURUSD" }, "--data is required")]
    [InlineData(new[] { "--data", "x" }, "--symbol is required")]
    [InlineData(new[] { "--data", "x", "--symbol", "EURUSD", "--tz", "Mars/Olympus" }, "neither an offset")]
    [InlineData(new[] { "--data", "x", "--symbol", "EURUSD", "--from", "01/02/2017" }, "--from '01/02/2017' is not a UTC date")]
    [InlineData(new[] { "--data", "x", "--symbol", "EURUSD", "--from", "2017-02-01", "--to", "2017-01-01" }, "--from must be before --to")]
    [InlineData(new[] { "--data", "x", "--symbol", "EURUSD", "--spread", "-1" }, "--spread '-1' must be a number from 0 to 1000")]
    [InlineData(new[] { "--data", "x", "--symbol", "EURUSD", "--format", "xlsx" }, "--format 'xlsx' is not one of")]
    [InlineData(new[] { "--data", "x", "--symbol", "EURUSD", "--bogus" }, "unknown option '--bogus'")]
    [InlineData(new[] { "--data", "x", "--symbol", "EURUSD", "--out" }, "--out needs a value")]
    public void Parse_WhenAnOptionIsWrong_SaysWhatIsExpected(string[] args, string message)
    {
        BacktestCommandLine.Parse(args, out var error);

        error.ShouldNotBeNull();
        error.ShouldContain(message);
    }
}
