using System.Text.Json;
using Bitten.Modules.Signals.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Signals.Ml;

/// <summary>
/// <c>GET /api/ml/models</c> (every version, newest first, with its held-out metrics) and
/// <c>GET /api/ml/models/{version}</c> (plus the calibration table by decile and the feature schema).
/// For /tracking (any signed-in user: the honesty of the probabilities is public within BITTEN) and
/// /throne; the serialised trees are never served.
/// </summary>
internal static class MlEndpoints
{
    public static IEndpointRouteBuilder MapMlApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/ml").RequireAuthorization().WithTags("ML");
        api.MapGet("/models", ListAsync).WithSummary("Every trained model, newest first: status, held-out AUC, log-loss, Brier, rows, time span, promotion decision.");
        api.MapGet("/models/{version}", GetAsync).WithSummary("One model: its metrics, calibration table by decile and feature schema.");
        return endpoints;
    }

    private static async Task<IResult> ListAsync(SignalsDbContext db, CancellationToken ct)
    {
        var models = await db.Models.AsNoTracking().OrderByDescending(m => m.CreatedMs)
            .Select(m => new StoredModelView(m.Version, m.CreatedMs, m.Status, m.FeatureSchema, m.Source, m.TrainingRows, m.CalibrationRows, m.HeldOutRows, m.Rounds,
                m.FromMs, m.ToMs, m.Auc, m.LogLoss, m.Brier, m.IncumbentVersion, m.IncumbentLogLoss, m.Decision, m.PromotedMs))
            .ToListAsync(ct);
        return Results.Ok(new
        {
            current = models.FirstOrDefault(m => m.Status == (int)ModelStatus.Current)?.Version,
            minimum_rows = WinModelTrainer.MinimumRows,
            models = models.Select(Summary),
        });
    }

    private static async Task<IResult> GetAsync(SignalsDbContext db, string version, CancellationToken ct)
    {
        var m = await db.Models.AsNoTracking().FirstOrDefaultAsync(x => x.Version == version, ct);
        if (m is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such model", detail: $"No model '{version}' in the registry.");
        }

        object? schema;
        try
        {
            var model = WinModel.Deserialize(m.Blob);
            schema = new
            {
                version = model.Schema.Version,
                features = model.Schema.Names,
                patterns = model.Schema.Patterns,
                symbols = model.Schema.Symbols,
                trees = model.Trees.TreeCount,
                nodes = model.Trees.Nodes.Length,
                calibration_points = model.Calibration.X.Length,
            };
        }
        catch (InvalidDataException ex)
        {
            schema = new { error = ex.Message };
        }

        var view = new StoredModelView(m.Version, m.CreatedMs, m.Status, m.FeatureSchema, m.Source, m.TrainingRows, m.CalibrationRows, m.HeldOutRows, m.Rounds,
            m.FromMs, m.ToMs, m.Auc, m.LogLoss, m.Brier, m.IncumbentVersion, m.IncumbentLogLoss, m.Decision, m.PromotedMs);
        using var metrics = JsonDocument.Parse(m.MetricsJson);
        return Results.Ok(new
        {
            model = Summary(view),
            calibration = metrics.RootElement.TryGetProperty("calibration", out var table) ? table.Clone() : default(JsonElement?),
            base_rate = metrics.RootElement.TryGetProperty("base_rate", out var rate) ? rate.Clone() : default(JsonElement?),
            schema,
        });
    }

    private static object Summary(StoredModelView m) => new
    {
        version = m.Version,
        status = ((ModelStatus)m.Status).ToString().ToLowerInvariant(),
        created_ts_ms = m.CreatedMs,
        promoted_ts_ms = m.PromotedMs,
        feature_schema = m.FeatureSchema,
        source = m.Source,
        rows = new { training = m.TrainingRows, calibration = m.CalibrationRows, held_out = m.HeldOutRows },
        trees = m.Rounds,
        span = new { from_ts_ms = m.FromMs, to_ts_ms = m.ToMs },
        held_out = new { auc = Math.Round(m.Auc, 4), log_loss = Math.Round(m.LogLoss, 5), brier = Math.Round(m.Brier, 5) },
        incumbent = m.IncumbentVersion is null ? null : new { version = m.IncumbentVersion, log_loss_on_same_rows = m.IncumbentLogLoss is { } l ? Math.Round(l, 5) : (double?)null },
        decision = m.Decision,
    };

    private sealed record StoredModelView(
        string Version, long CreatedMs, int Status, string FeatureSchema, string Source, int TrainingRows, int CalibrationRows, int HeldOutRows, int Rounds,
        long FromMs, long ToMs, double Auc, double LogLoss, double Brier, string? IncumbentVersion, double? IncumbentLogLoss, string Decision, long? PromotedMs);
}
