using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Bitten.Modules.Signals.Backtest.Output;
using Bitten.Modules.Signals.Replay;
using Microsoft.Extensions.Configuration;

namespace Bitten.Modules.Signals.Backtest;

/// <summary>
/// The <c>backtest</c> verb: parses the options, replays the history with a progress bar (on a terminal
/// only), prints the summary table and writes the report. Exit codes as the host's: 64, 74, 78.
/// </summary>
internal static class BacktestCommand
{
    public const int ExitOk = 0;
    public const int ExitUsage = 64;
    public const int ExitFile = 74;
    public const int ExitConfiguration = 78;

    public static int Run(IReadOnlyList<string> args, IConfiguration configuration, TextWriter output, TextWriter error, bool interactive, CancellationToken cancellationToken)
    {
        var line = BacktestCommandLine.Parse(args, out var problem);
        if (problem is not null)
        {
            error.Write($"backtest: {problem}.\n\n{BacktestCommandLine.Usage}");
            return ExitUsage;
        }

        var options = new SignalsOptions();
        configuration.GetSection(SignalsOptions.SectionName).Bind(options);
        var failures = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), failures, validateAllProperties: true))
        {
            error.WriteLine("Configuration error:\n  " + string.Join("\n  ", failures.Select(f => f.ErrorMessage)));
            return ExitConfiguration;
        }

        var settings = BacktestSettings.For(line.Replay(), options) with
        {
            FixedThreshold = line.FixedThreshold,
            DataClock = line.DataClock,
            MonteCarloPaths = line.Paths,
            Seed = line.Seed,
        };
        BacktestResult result;
        try
        {
            using (var source = ReplaySource.Open(line.Data, settings.Replay))
            {
                output.WriteLine($"Replaying {source.Files.Count} file(s) for {line.Symbol}: {string.Join(", ", source.Files.Select(f => $"{Path.GetFileName(f.Path)} ({f.Format})"))}");
                var bar = interactive && !line.Quiet ? new ProgressBar(output) : null;
                result = BacktestRunner.Run(source, settings, progress: bar is null ? null : bar.Show, cancellationToken: cancellationToken);
                bar?.Done();
            }

            if (line.WalkForward is { } fraction)
            {
                result = WalkForwardRun(line, settings, fraction, output, cancellationToken);
            }
        }
        catch (HistoryFormatException ex)
        {
            error.WriteLine($"History file error: {ex.Message}");
            return ExitFile;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            error.WriteLine($"History file error: {ex.Message}");
            return ExitFile;
        }
        catch (ArgumentException ex)
        {
            error.WriteLine($"backtest: {ex.Message}");
            return ExitUsage;
        }

        var report = new BacktestReport(result);
        output.WriteLine();
        output.Write(SummaryTable.Render(report));
        try
        {
            var files = report.WriteTo(line.Out);
            output.WriteLine($"\nReport: {string.Join(", ", files)}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Could not write the report to {line.Out}: {ex.Message}");
            return ExitFile;
        }

        return ExitOk;
    }

    /// <summary>
    /// Walk-forward (DOMAIN §7): the model is trained on the signals created and resolved before the split and
    /// scores the rest; the report holds only the out-of-sample signals, so its win rates are out of sample.
    /// </summary>
    private static BacktestResult WalkForwardRun(BacktestCommandLine line, BacktestSettings settings, double fraction, TextWriter output, CancellationToken cancellationToken)
    {
        var trainer = new Ml.BacktestWinModelTrainer(TimeProvider.System);
        var run = WalkForward.Run(() => ReplaySource.Open(line.Data, settings.Replay), settings, fraction, trainer, cancellationToken);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Walk-forward: split at {DateTimeOffset.FromUnixTimeMilliseconds(run.SplitMs):yyyy-MM-dd HH:mm} UTC; {run.TrainedOn} labelled signals before it; ") +
            (run.ModelUsed
                ? string.Create(CultureInfo.InvariantCulture, $"model {trainer.Last!.Model.Version} (held-out AUC {trainer.Last.HeldOut.Auc:F3}) scored the {run.OutOfSample.Count} signals after it.")
                : $"fewer than {Ml.WinModelTrainer.MinimumRows} — no model, the prior scored the {run.OutOfSample.Count} signals after it."));
        return run.Run with { Signals = run.OutOfSample };
    }

    /// <summary>One line redrawn in place: share done, rate, ETA.</summary>
    private sealed class ProgressBar(TextWriter output)
    {
        private const int Width = 30;

        public void Show(BacktestProgress p)
        {
            var filled = (int)Math.Round(p.Fraction * Width);
            var seconds = p.Elapsed.TotalSeconds;
            var rate = seconds > 0 ? (p.Bars > 0 ? p.Bars : p.Ticks) / seconds : 0;
            var eta = p.Fraction > 0 && p.Fraction < 1 ? TimeSpan.FromSeconds(seconds * (1 - p.Fraction) / p.Fraction) : TimeSpan.Zero;
            output.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r[{new string('#', filled)}{new string('.', Width - filled)}] {p.Fraction,6:P1} {rate,12:N0} {(p.Bars > 0 ? "bars" : "ticks")}/s  ETA {eta:mm\\:ss}  {p.Signals} signals  {DateTimeOffset.FromUnixTimeMilliseconds(p.DataTimeMs):yyyy-MM-dd} "));
            output.Flush();
        }

        public void Done() => output.WriteLine();
    }
}
