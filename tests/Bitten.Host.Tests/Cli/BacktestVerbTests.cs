using Bitten.Host.Cli;
using Bitten.Modules.Signals;
using Microsoft.Extensions.Configuration;

namespace Bitten.Host.Tests.Cli;

public sealed class BacktestVerbTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new("backtest-verb");
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    [Fact]
    public void Parse_WhenBacktestIsTheVerb_KeepsItsOwnOptionsIncludingHelp()
    {
        Verbs.Parse(["backtest", "--data", "x", "--help"]).ShouldBe((Verb.Backtest, new[] { "--data", "x", "--help" }), new VerbComparer());
        Verbs.Usage.ShouldContain("backtest");
    }

    [SharedDataFact("fx/histdata_eurusd_m1_2017")]
    public void Backtest_WhenGivenAMonthOfHistData_PrintsTheSummaryAndWritesTheReport()
    {
        var folder = Path.Combine(TestEnvironment.SharedData, "fx", "histdata_eurusd_m1_2017");

        var exit = Run("--data", Path.Combine(folder, "DAT_ASCII_EURUSD_M1_201701.csv"), "--symbol", "EURUSD", "--out", _directory.Combine("report"), "--paths", "1000");

        exit.ShouldBe(0, _err.ToString());
        var text = _out.ToString();
        text.ShouldContain("Backtest EURUSD 2017-01-02T07:00");
        text.ShouldContain("31,500 bars, 126,000 ticks");
        text.ShouldContain("Wilson 95 %");
        text.ShouldContain("Monte Carlo (1,000 bootstrap paths");
        text.ShouldNotContain("\r[", Case.Sensitive, "no progress bar when the output is not a terminal");
        File.Exists(_directory.Combine("report", "report.json")).ShouldBeTrue();
        File.Exists(_directory.Combine("report", "signals.csv")).ShouldBeTrue();
        File.Exists(_directory.Combine("report", "report.html")).ShouldBeTrue();
    }

    [Fact]
    public void Backtest_WhenTerminal_DrawsAProgressBarWithRateAndEta()
    {
        var path = _directory.Combine("bars.csv");
        File.WriteAllLines(path, Enumerable.Range(0, 20_000).Select(i => DateTimeOffset.FromUnixTimeMilliseconds(1_483_340_400_000 + (i * 60_000L)).ToString("yyyyMMdd HHmmss", System.Globalization.CultureInfo.InvariantCulture) + ";1.05;1.0502;1.0498;1.0501;0"));

        var exit = SignalsModule.RunBacktest(["--data", path, "--symbol", "EURUSD", "--out", _directory.Combine("r"), "--paths", "100"], new ConfigurationBuilder().Build(), _out, _err, interactive: true, CancellationToken.None);

        exit.ShouldBe(0, _err.ToString());
        _out.ToString().ShouldContain("\r[");
        _out.ToString().ShouldContain("bars/s  ETA ");
    }

    [Fact]
    public void Backtest_WhenAnOptionIsWrong_Exits64WithTheUsage()
    {
        Run("--symbol", "EURUSD").ShouldBe(64);
        _err.ToString().ShouldContain("--data is required");
        _err.ToString().ShouldContain("Usage: dotnet run --project Bitten.Host -- backtest");
    }

    [Fact]
    public void Backtest_WhenAFileIsMissingOrBroken_Exits74NamingFileLineAndColumn()
    {
        Run("--data", _directory.Combine("nowhere.csv"), "--symbol", "EURUSD").ShouldBe(74);
        _err.ToString().ShouldContain("nowhere.csv");

        var broken = _directory.Combine("DAT_ASCII_EURUSD_M1_201701.csv");
        File.WriteAllText(broken, "20170102 020000;1.051550;1.051970;1.051550;1.051900;0\n20170102 020100;1.052090;oops;1.051770;1.051790;0\n");
        Run("--data", broken, "--symbol", "EURUSD", "--out", _directory.Combine("r")).ShouldBe(74);
        _err.ToString().ShouldContain("DAT_ASCII_EURUSD_M1_201701.csv:2:26: 'oops' is not a number");
    }

    [Fact]
    public void Backtest_WhenTheSignalsConfigurationBreaksARule_Exits78NamingTheKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Modules:Signals:RiskReward"] = "0.2" }).Build();

        SignalsModule.RunBacktest(["--data", "x", "--symbol", "EURUSD"], configuration, _out, _err, false, CancellationToken.None).ShouldBe(78);
        _err.ToString().ShouldContain("Modules:Signals:RiskReward");
    }

    private int Run(params string[] args) => SignalsModule.RunBacktest(args, new ConfigurationBuilder().Build(), _out, _err, interactive: false, CancellationToken.None);

    private sealed class VerbComparer : IEqualityComparer<(Verb, string[])>
    {
        public bool Equals((Verb, string[]) x, (Verb, string[]) y) => x.Item1 == y.Item1 && x.Item2.SequenceEqual(y.Item2);

        public int GetHashCode((Verb, string[]) obj) => obj.Item1.GetHashCode();
    }

    public void Dispose()
    {
        _out.Dispose();
        _err.Dispose();
        _directory.Dispose();
    }
}
