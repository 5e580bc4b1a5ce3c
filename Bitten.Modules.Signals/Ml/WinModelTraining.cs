using System.Text.Json;
using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Persistence;
using Bitten.Modules.Signals.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Signals.Ml;

/// <summary>
/// Training on demand and on schedule (DOMAIN §7): gathers labelled rows (stored resolved signals of the
/// last <see cref="SignalsOptions.ModelTrainingDays"/> days, or a backtest's training file), trains, registers,
/// and — when the registry promotes the model — hands it to the engine at once.
/// </summary>
internal sealed class WinModelTraining(
    SignalsDbContext db, ModelRegistry registry, LiveWinModel live, SignalsOptions options, MlMetrics metrics, TimeProvider time, ILogger<WinModelTraining> logger)
{
    /// <summary>Fixed, so a retraining on the same rows gives the same model.</summary>
    public static readonly GbdtOptions Parameters = new();

    public async Task<WinModelCommandResult> TrainFromStoreAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var since = now.ToUnixTimeMilliseconds() - (options.ModelTrainingDays * 86_400_000L);
        var stored = await db.Signals.AsNoTracking()
            .Where(s => s.CreatedMs >= since && s.Status == (int)SignalStatus.Resolved && (s.Outcome == (int)SignalOutcome.Win || s.Outcome == (int)SignalOutcome.Loss))
            .Select(s => new { s.Id, s.CreatedMs, s.Pattern, s.Symbol, s.FeaturesJson, s.Outcome })
            .ToListAsync(cancellationToken);
        var rows = new List<LabelledSignal>(stored.Count);
        foreach (var s in stored)
        {
            Dictionary<string, double>? features = null;
            try
            {
                features = JsonSerializer.Deserialize<Dictionary<string, double>>(s.FeaturesJson);
            }
            catch (JsonException)
            {
                // counted below
            }

            if (features is null)
            {
                metrics.RowsSkipped.Add(1);
                Log.TrainingRowSkipped(logger, s.Id);
                continue;
            }

            rows.Add(new LabelledSignal(s.Id, s.CreatedMs, s.Pattern, s.Symbol, features, s.Outcome == (int)SignalOutcome.Win));
        }

        return await TrainAsync(rows, $"stored signals, last {options.ModelTrainingDays} days", cancellationToken);
    }

    public async Task<WinModelCommandResult> TrainFromFileAsync(string path, CancellationToken cancellationToken)
    {
        List<LabelledSignal> rows;
        try
        {
            rows = TrainingFile.Read(path);
        }
        catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
        {
            metrics.Trained("failed");
            return new WinModelCommandResult(false, $"cannot read training file: {ex.Message}", null, false, 0);
        }

        return await TrainAsync(rows, "file " + Path.GetFileName(path), cancellationToken);
    }

    public async Task<WinModelCommandResult> RollbackAsync(string? version, CancellationToken cancellationToken)
    {
        try
        {
            var model = await registry.RollbackAsync(version, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
            live.Set(model);
            Log.ModelRolledBack(logger, model.Version);
            return new WinModelCommandResult(true, $"{model.Version} is current", model.Version, true, 0);
        }
        catch (Exception ex) when (ex is ModelRegistryException or InvalidDataException)
        {
            return new WinModelCommandResult(false, ex.Message, null, false, 0);
        }
    }

    private async Task<WinModelCommandResult> TrainAsync(List<LabelledSignal> rows, string source, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var trained = await Task.Run(() => WinModelTrainer.Train(rows, Parameters, now), cancellationToken);
        if (trained is null)
        {
            metrics.Trained("too_few_rows");
            Log.ModelNotTrained(logger, source, rows.Count, WinModelTrainer.MinimumRows);
            return new WinModelCommandResult(true, $"{rows.Count} labelled rows, fewer than {WinModelTrainer.MinimumRows}: no model, the prior stands", null, false, rows.Count);
        }

        var decision = await registry.RegisterAsync(trained, source, now.ToUnixTimeMilliseconds(), cancellationToken);
        if (decision.Promoted)
        {
            live.Set(trained.Model);
        }

        metrics.Trained(decision.Promoted ? "promoted" : "rejected");
        var verdict = (decision.Promoted ? "promoted: " : "not promoted: ") + decision.Reason;
        Log.ModelTrained(logger, trained.Model.Version, source, rows.Count, trained.HeldOut.Auc, trained.HeldOut.LogLoss, verdict);
        return new WinModelCommandResult(true, FormattableString.Invariant(
            $"{trained.Model.Version} trained on {rows.Count} labelled rows ({trained.TrainingRows} train, {trained.CalibrationRows} calibration, {trained.HeldOutRows.Count} held out, {trained.Rounds} trees): held-out AUC {trained.HeldOut.Auc:0.000}, log-loss {trained.HeldOut.LogLoss:0.0000}, Brier {trained.HeldOut.Brier:0.0000}; {verdict}"),
            trained.Model.Version, decision.Promoted, rows.Count);
    }
}
