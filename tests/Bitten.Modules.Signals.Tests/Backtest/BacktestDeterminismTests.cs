using System.Text.Json.Nodes;
using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Backtest.Output;

namespace Bitten.Modules.Signals.Tests.Backtest;

/// <summary>A backtest of the four shared months of HistData EURUSD M1 is the same on every run: signals, outcomes, ids, report.</summary>
public sealed class BacktestDeterminismTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new("backtest");

    [SharedDataFact("fx/histdata_eurusd_m1_2017")]
    public void Run_WhenTheFourMonthsAreReplayedTwice_GivesIdenticalSignalsOutcomesAndReports()
    {
        var first = BacktestRuns.Run(BacktestRuns.Settings());
        var second = BacktestRuns.Run(BacktestRuns.Settings());

        first.Bars.ShouldBe(31_500 + 28_779 + 32_660 + 29_161);
        first.Ticks.ShouldBe(first.Bars * 4);
        first.Signals.Count.ShouldBeGreaterThan(50);
        first.Signals.Count(s => s.Resolved).ShouldBeGreaterThan(50);
        first.Signals.Select(s => s.Signal.Candidate.Pattern).Distinct().Count().ShouldBeGreaterThanOrEqualTo(3);
        second.Signals.Select(BacktestRuns.Line).ShouldBe(first.Signals.Select(BacktestRuns.Line));
        second.ThresholdChanges.ShouldBe(first.ThresholdChanges, new ChangeComparer());

        var a = Comparable(new BacktestReport(first).Json());
        var b = Comparable(new BacktestReport(second).Json());
        b.ShouldBe(a, "report.json (without the run's own timing) is identical");
    }

    [SharedDataFact("fx/histdata_eurusd_m1_2017")]
    public void Report_WhenWritten_IsSelfContainedAndTheCsvCarriesFeaturesAndLabels()
    {
        var result = BacktestRuns.Run(BacktestRuns.Settings(to: new DateTimeOffset(2017, 2, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()));

        var files = new BacktestReport(result).WriteTo(_directory.Path);

        files.Select(Path.GetFileName).ShouldBe(["report.json", "signals.csv", "report.html"]);
        var html = File.ReadAllText(_directory.Combine("report.html"));
        html.ShouldContain("<svg");
        html.ShouldNotContain("src=", Case.Insensitive);
        html.ShouldNotContain("<link", Case.Insensitive);
        html.ShouldNotContain("http://", Case.Insensitive);
        html.ShouldNotContain("https://", Case.Insensitive);
        var csv = File.ReadAllLines(_directory.Combine("signals.csv"));
        var header = csv[0].Split(',');
        header.ShouldContain("label");
        header.ShouldContain("f_tcs");
        header.ShouldContain("f_opposing_liquidity_atr");
        csv.Length.ShouldBe(result.Signals.Count + 1);
        csv.Skip(1).ShouldAllBe(l => l.Split(',', StringSplitOptions.None).Length == header.Length);
        var label = Array.IndexOf(header, "label");
        var outcome = Array.IndexOf(header, "outcome");
        foreach (var row in csv.Skip(1).Select(l => l.Split(',')))
        {
            row[label].ShouldBe(row[outcome] switch { "WIN" => "1", "LOSS" => "0", _ => string.Empty });
        }

        var json = JsonNode.Parse(File.ReadAllText(_directory.Combine("report.json")))!;
        json["overall"]!["count"]!.GetValue<int>().ShouldBe(result.Signals.Count(s => s.Resolved));
        json["monte_carlo"]!["paths"]!.GetValue<int>().ShouldBe(10_000);
        json["signals"]!.AsArray().Count.ShouldBe(result.Signals.Count);
        result.Signals.Where(s => s.Resolved).ShouldAllBe(s => s.Outcome != SignalOutcome.Unknown);
    }

    private static string Comparable(JsonObject report)
    {
        var replay = report["replay"]!.AsObject();
        replay.Remove("elapsed_s");
        replay.Remove("bars_per_s");
        replay.Remove("ticks_per_s");
        return report.ToJsonString();
    }

    private sealed class ChangeComparer : IEqualityComparer<Bitten.Modules.Signals.Backtest.ThresholdChangeRecord>
    {
        public bool Equals(Bitten.Modules.Signals.Backtest.ThresholdChangeRecord? x, Bitten.Modules.Signals.Backtest.ThresholdChangeRecord? y) =>
            x!.AtMs == y!.AtMs && x.Previous == y.Previous && x.Next == y.Next && x.Reasons.SequenceEqual(y.Reasons);

        public int GetHashCode(Bitten.Modules.Signals.Backtest.ThresholdChangeRecord obj) => obj.AtMs.GetHashCode();
    }

    public void Dispose() => _directory.Dispose();
}
