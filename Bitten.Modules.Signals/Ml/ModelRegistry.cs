using System.Text.Json;
using Bitten.Modules.Signals.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Signals.Ml;

/// <summary>What the registry did with a newly trained model.</summary>
internal sealed record RegistryDecision(string Version, bool Promoted, string Reason, double LogLoss, string? IncumbentVersion, double? IncumbentLogLoss);

/// <summary>
/// The model registry (DOMAIN §7): every trained model is stored with its metrics; a new model becomes
/// current only when its held-out log-loss is no worse than the current model's on the same held-out rows;
/// a rollback makes an earlier model current again. The previous current model is retired, never deleted.
/// </summary>
internal sealed class ModelRegistry(SignalsDbContext db)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public async Task<WinModel?> LoadCurrentAsync(CancellationToken cancellationToken)
    {
        var current = await db.Models.AsNoTracking().FirstOrDefaultAsync(m => m.Status == (int)ModelStatus.Current, cancellationToken);
        return current is null ? null : WinModel.Deserialize(current.Blob);
    }

    public async Task<RegistryDecision> RegisterAsync(TrainedWinModel trained, string source, long nowMs, CancellationToken cancellationToken)
    {
        var current = await db.Models.FirstOrDefaultAsync(m => m.Status == (int)ModelStatus.Current, cancellationToken);
        double? incumbentLogLoss = null;
        string reason;
        bool promote;
        if (current is null)
        {
            (promote, reason) = (true, "no current model");
        }
        else
        {
            WinModel? incumbent = null;
            try
            {
                incumbent = WinModel.Deserialize(current.Blob);
            }
            catch (InvalidDataException)
            {
                // an unreadable current model cannot score the new rows: it is replaced
            }

            if (incumbent is null)
            {
                (promote, reason) = (true, $"current model {current.Version} is unreadable");
            }
            else
            {
                incumbentLogLoss = WinModelTrainer.Score(incumbent, trained.HeldOutRows).LogLoss;
                promote = trained.HeldOut.LogLoss <= incumbentLogLoss.Value;
                reason = FormattableString.Invariant(
                    $"held-out log-loss {trained.HeldOut.LogLoss:0.00000} {(promote ? "≤" : ">")} {incumbentLogLoss.Value:0.00000} of {current.Version} on the same {trained.HeldOutRows.Count} rows");
            }
        }

        var record = new StoredModel
        {
            Version = trained.Model.Version,
            CreatedMs = nowMs,
            FeatureSchema = trained.Model.Schema.Version,
            Blob = trained.Model.Serialize(),
            Status = (int)(promote ? ModelStatus.Current : ModelStatus.Rejected),
            Source = source.Length > 300 ? source[..300] : source,
            TrainingRows = trained.TrainingRows,
            CalibrationRows = trained.CalibrationRows,
            HeldOutRows = trained.HeldOutRows.Count,
            Rounds = trained.Rounds,
            FromMs = trained.FromMs,
            ToMs = trained.ToMs,
            Auc = Finite(trained.HeldOut.Auc),
            LogLoss = trained.HeldOut.LogLoss,
            Brier = trained.HeldOut.Brier,
            MetricsJson = JsonSerializer.Serialize(trained.HeldOut, Json),
            IncumbentVersion = current?.Version,
            IncumbentLogLoss = incumbentLogLoss,
            Decision = promote ? "promoted: " + reason : "rejected: " + reason,
            PromotedMs = promote ? nowMs : null,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (promote && current is not null)
        {
            current.Status = (int)ModelStatus.Retired;
            await db.SaveChangesAsync(cancellationToken); // retire first: the one-current index holds at every statement
        }

        db.Models.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RegistryDecision(record.Version, promote, reason, record.LogLoss, current?.Version, incumbentLogLoss);
    }

    /// <summary>
    /// Makes <paramref name="version"/> current — or, when null, the model that was current before the present
    /// one (the latest promoted, retired model). Returns the model now current.
    /// </summary>
    public async Task<WinModel> RollbackAsync(string? version, long nowMs, CancellationToken cancellationToken)
    {
        var current = await db.Models.FirstOrDefaultAsync(m => m.Status == (int)ModelStatus.Current, cancellationToken);
        StoredModel? target;
        if (version is not null)
        {
            target = await db.Models.FirstOrDefaultAsync(m => m.Version == version, cancellationToken)
                ?? throw new ModelRegistryException($"no model '{version}' in the registry");
            if (target.Status == (int)ModelStatus.Current)
            {
                throw new ModelRegistryException($"'{version}' is already the current model");
            }
        }
        else
        {
            target = await db.Models.Where(m => m.Status == (int)ModelStatus.Retired && m.PromotedMs != null)
                .OrderByDescending(m => m.PromotedMs).ThenByDescending(m => m.CreatedMs).FirstOrDefaultAsync(cancellationToken)
                ?? throw new ModelRegistryException("no earlier model to roll back to");
        }

        var model = WinModel.Deserialize(target.Blob); // refuse before changing anything if it is unreadable
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (current is not null)
        {
            current.Status = (int)ModelStatus.Retired;
            current.Decision = $"rolled back to {target.Version}";
            await db.SaveChangesAsync(cancellationToken);
        }

        target.Status = (int)ModelStatus.Current;
        target.PromotedMs = nowMs;
        target.Decision = current is null ? "made current by rollback" : $"made current by rollback from {current.Version}";
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return model;
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : 0.5;
}

/// <summary>A registry operation that cannot be done (unknown version, nothing to roll back to).</summary>
internal sealed class ModelRegistryException(string message) : InvalidOperationException(message);
