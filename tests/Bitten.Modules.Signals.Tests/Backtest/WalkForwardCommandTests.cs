using System.Globalization;
using System.Text.Json;
using Bitten.Modules.Signals.Backtest;
using Microsoft.Extensions.Configuration;

namespace Bitten.Modules.Signals.Tests.Backtest;

public sealed class WalkForwardCommandTests : IDisposable
{
    private readonly DirectoryInfo _out = Directory.CreateTempSubdirectory("bitten-walkforward-");

    [SharedDataFact("fx/histdata_eurusd_m1_2017")]
    public void Backtest_WithWalkForward_TrainsOnTheEarlyPartAndReportsOnlyLaterSignals()
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);

        // An open threshold gives the trainer enough labelled signals in the first 60 % of the four months.
        var code = BacktestCommand.Run(["--data", BacktestRuns.HistDataFolder, "--symbol", "EURUSD", "--threshold", "0", "--walk-forward", "0.6",
            "--paths", "100", "--out", _out.FullName, "--quiet"], new ConfigurationBuilder().Build(), output, error, interactive: false, CancellationToken.None);

        code.ShouldBe(BacktestCommand.ExitOk, error.ToString());
        var text = output.ToString();
        text.ShouldContain("Walk-forward: split at 2017-03-");
        var split = DateTimeOffset.ParseExact(text[(text.IndexOf("split at ", StringComparison.Ordinal) + 9)..][..16], "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal).ToUnixTimeMilliseconds();
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out.FullName, "report.json")));
        var created = report.RootElement.GetProperty("signals").EnumerateArray().Select(s => DateTimeOffset.Parse(s.GetProperty("created_utc").GetString()!, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds()).ToList();
        created.ShouldNotBeEmpty();
        created.ShouldAllBe(ms => ms >= split);
        var trained = text.Contains("model ", StringComparison.Ordinal) && text.Contains("scored the", StringComparison.Ordinal) && !text.Contains("no model", StringComparison.Ordinal);
        var versions = report.RootElement.GetProperty("signals").EnumerateArray()
            .Select(s => s.TryGetProperty("model_version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null).Distinct().ToList();
        if (trained)
        {
            versions.ShouldAllBe(v => v != null, "every out-of-sample signal is scored by the walk-forward model");
        }
        else
        {
            text.ShouldContain("no model, the prior scored");
        }
    }

    public void Dispose() => _out.Delete(recursive: true);
}
