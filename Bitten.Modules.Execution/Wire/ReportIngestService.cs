using System.Text.Json;
using Bitten.Contracts.Users;
using Bitten.Contracts.Hosting;
using Bitten.Modules.Execution.Fires;
using Bitten.Modules.Execution.Persistence;
using Bitten.Modules.Execution.Registry;
using Bitten.Zmq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Execution.Wire;

/// <summary>
/// Owns the report PULL (5558): confirmations, close reports and pongs. Each must carry a valid
/// ea_id/ea_token of an EA that said hello, and a fire must belong to the EA it was sent to — an EA
/// cannot confirm or close another EA's fire. Repeats change nothing (state transitions are one-way).
/// </summary>
internal sealed class ReportIngestService(
    EaRegistry registry,
    EaAuthenticator authenticator,
    FireLifecycle lifecycle,
    PingTracker pings,
    ExecutionMetrics metrics,
    IServiceScopeFactory scopes,
    IOptions<ZmqOptions> zmq,
    BoundEndpoints endpoints,
    ILogger<ReportIngestService> logger) : BackgroundService
{
    private static readonly FireStatus[] Unsettled = [FireStatus.Queued, FireStatus.Sent, FireStatus.Unconfirmed];

    /// <summary>The most reports handled (and filled confirmations committed) together.</summary>
    internal const int MaxBatch = 512;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var socket = new ZmqSocket(ZmqSocketType.Pull, new ZmqSocketOptions { Name = "reports", MaxMessageBytes = zmq.Value.MaxMessageBytes, ReceiveHighWaterMark = 10_000 });
        var port = socket.Bind(zmq.Value.Endpoint(zmq.Value.ReportPort));
        endpoints.Set("reports", port);
        Log.ReportsBound(logger, port);
        var batch = new List<ZmqMessage>(MaxBatch);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // One message, then whatever else is already waiting: a burst of confirmations is handled together.
                batch.Add(await socket.ReceiveAsync(stoppingToken));
                while (batch.Count < MaxBatch && socket.TryReceive(out var more))
                {
                    batch.Add(more);
                }

                var frames = new List<ReadOnlyMemory<byte>>(batch.Count);
                foreach (var message in batch)
                {
                    if (message.FrameCount != 1)
                    {
                        Drop("malformed", "?", "a report is one frame of JSON");
                        continue;
                    }

                    frames.Add(message.GetFrameMemory(0));
                }

                await HandleBatchAsync(frames, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Log.ReportLoopFailed(logger, ex);
            }
            finally
            {
                foreach (var message in batch)
                {
                    message.Dispose();
                }

                batch.Clear();
            }
        }
    }

    /// <summary>Handles one report (also called directly by tests).</summary>
    internal Task HandleAsync(ReadOnlyMemory<byte> json, CancellationToken ct) => HandleBatchAsync([json], ct);

    /// <summary>
    /// Handles reports in arrival order. Each is checked on its own (JSON, credentials, hello, type, the fire's EA); the
    /// fires are read in one query; runs of consecutive filled confirmations are committed in one transaction
    /// (<see cref="FireLifecycle.FilledManyAsync"/>); anything else first commits the run before it, so order holds.
    /// </summary>
    internal async Task HandleBatchAsync(IReadOnlyList<ReadOnlyMemory<byte>> reports, CancellationToken ct)
    {
        var documents = new List<JsonDocument>(reports.Count);
        try
        {
            var work = new List<(JsonElement Root, string Type, string EaId, string FireId, string Currency)>(reports.Count);
            var credentials = new Dictionary<(string, string?), EaCredentialsValidation>();
            foreach (var json in reports)
            {
                if (await CheckAsync(json, documents, credentials, ct) is { } item)
                {
                    work.Add(item);
                }
            }

            if (work.Count == 0)
            {
                return;
            }

            var ids = work.Select(w => w.FireId).Distinct(StringComparer.Ordinal).ToList();
            Dictionary<string, FireRecord> fires;
            await using (var scope = scopes.CreateAsyncScope())
            {
                fires = scope.ServiceProvider.GetRequiredService<ExecutionDbContext>().FiresById(ids);
            }

            var run = new List<FillReport>(work.Count);
            var runPositions = new Dictionary<string, long>(StringComparer.Ordinal); // fire → position within the pending run (a linear search per report was quadratic in the batch)
            foreach (var (root, type, eaId, fireId, currency) in work)
            {
                if (!fires.TryGetValue(fireId, out var fire))
                {
                    Drop("unknown_fire", eaId, fireId);
                    continue;
                }

                if (fire.EaId != eaId)
                {
                    Drop("foreign_fire", eaId, $"fire {fireId} was sent to another EA");
                    continue;
                }

                if (type == "confirmation" && AsFill(root, fire) is { } fill)
                {
                    if (runPositions.TryGetValue(fill.FireId, out var inRun) && inRun != fill.Position)
                    {
                        Drop("position_mismatch", fire.EaId, $"fire {fire.FireId} is position {inRun}, not {fill.Position}");
                        continue;
                    }

                    runPositions.TryAdd(fill.FireId, fill.Position);
                    run.Add(fill);
                    continue;
                }

                await FlushAsync(run, runPositions, fires, ct);
                fire = fires[fireId];
                if (type == "confirmation")
                {
                    await ConfirmAsync(root, fire, ct);
                }
                else if (await CloseAsync(root, fire, currency, ct) is { } partlyClosed)
                {
                    fires[fireId] = partlyClosed; // a later report in the batch sees the remaining volume
                }
            }

            await FlushAsync(run, runPositions, fires, ct);
        }
        finally
        {
            foreach (var document in documents)
            {
                document.Dispose();
            }
        }
    }

    /// <summary>The checks that need no fire record; null when the report was dropped (or was a pong, answered here).</summary>
    private async ValueTask<(JsonElement Root, string Type, string EaId, string FireId, string Currency)?> CheckAsync(
        ReadOnlyMemory<byte> json, List<JsonDocument> documents, Dictionary<(string, string?), EaCredentialsValidation> checkedInBatch, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            Drop("malformed_json", "?", "not JSON");
            return null;
        }

        documents.Add(document);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            Drop("malformed_json", "?", "not a JSON object");
            return null;
        }

        var eaId = root.Str("ea_id") ?? "?";
        // A burst comes from few EAs: each ea_id/ea_token pair is checked once per batch (never across batches, so a revoked token stops at once).
        var token = root.Str("ea_token");
        if (!checkedInBatch.TryGetValue((eaId, token), out var credentials))
        {
            checkedInBatch[(eaId, token)] = credentials = await authenticator.CheckAsync(eaId, token, ct);
        }

        if (!credentials.Valid)
        {
            Drop("unauthenticated", eaId, null);
            return null;
        }

        if (registry.Find(eaId) is not { Session: true } ea)
        {
            Drop("no_hello", eaId, "report before a valid hello");
            return null;
        }

        var type = root.Type();
        if (type == "pong")
        {
            if (!pings.Answer(eaId, root.Str("ping_id")))
            {
                metrics.Rejected("unknown_ping");
            }

            return null;
        }

        if (type is not ("confirmation" or "close_report"))
        {
            Drop("unknown_type", eaId, type);
            return null;
        }

        var fireId = root.Str("fire_id");
        if (string.IsNullOrEmpty(fireId))
        {
            Drop("missing_field", eaId, "fire_id is required");
            return null;
        }

        return (root, type, eaId, fireId, ea.Currency);
    }

    /// <summary>A filled confirmation that can join a group commit; null for anything else (handled on its own).</summary>
    private static FillReport? AsFill(JsonElement root, FireRecord fire)
    {
        var c = EaDocuments.Confirmation(root);
        if (!c.IsFill || c.Position is not > 0 || (fire.Position is { } known && known != c.Position))
        {
            return null;
        }

        return new FillReport(fire.FireId, c.Price, c.Volume, c.Position.Value, FilledDetail(c.Retcode));
    }

    /// <summary>The timeline detail of a fill; the usual retcode's text is one shared string.</summary>
    private static string FilledDetail(long? retcode) => retcode == 10009 ? "filled (retcode 10009)" : $"filled (retcode {retcode})";

    private async Task FlushAsync(List<FillReport> run, Dictionary<string, long> runPositions, Dictionary<string, FireRecord> fires, CancellationToken ct)
    {
        if (run.Count == 0)
        {
            return;
        }

        foreach (var fire in await lifecycle.FilledManyAsync(run, fires, ct))
        {
            fires[fire.FireId] = fire; // later reports in the batch see the position
        }

        run.Clear();
        runPositions.Clear();
    }

    private async Task ConfirmAsync(JsonElement root, FireRecord fire, CancellationToken ct)
    {
        var c = EaDocuments.Confirmation(root);
        if (c.IsFill)
        {
            if (c.Position is not > 0)
            {
                if (c.Status != "duplicate")
                {
                    Drop("missing_field", fire.EaId, "a filled confirmation needs its position");
                }

                return;
            }

            if (fire.Position is { } known && known != c.Position)
            {
                Drop("position_mismatch", fire.EaId, $"fire {fire.FireId} is position {known}, not {c.Position}");
                return;
            }

            await lifecycle.FilledAsync(fire.FireId, c.Price, c.Volume, c.Position.Value, FilledDetail(c.Retcode), ct);
        }
        else if (c.IsFailure)
        {
            var message = c.Message ?? "rejected by the terminal";
            var retcode = (int?)c.Retcode;
            await lifecycle.FailAsync(fire.FireId, Unsettled, FireStatus.Rejected, retcode is null ? message : $"{message} (retcode {retcode})", retcode, ct);
        }
        else
        {
            Drop("bad_value", fire.EaId, $"confirmation status '{c.Status}'");
        }
    }

    /// <summary>Settles a close report; returns the fire when the report was a partial close (the fire stays open).</summary>
    private async Task<FireRecord?> CloseAsync(JsonElement root, FireRecord fire, string currency, CancellationToken ct)
    {
        if (fire.Position is { } known && root.Long("position") is { } reported && known != reported)
        {
            Drop("position_mismatch", fire.EaId, $"fire {fire.FireId} is position {known}, not {reported}");
            return null;
        }

        if (EaDocuments.CloseReport(root, out var reason, out var detail) is not { } report)
        {
            Drop(reason, fire.EaId, detail);
            return null;
        }

        var position = report.Position;
        if (fire.PartialProfit is not null && (position ?? fire.Position) is { } ticketOfReport && await lifecycle.IsRecordedPartialAsync(fire.FireId, ticketOfReport, report.TsMs ?? 0, ct))
        {
            return fire; // a replay of a partial close already counted (it would otherwise look like the close of the rest)
        }

        if (IsPartial(fire, root.Dec("volume"), report.Reason) && (position ?? fire.Position) is { } ticket)
        {
            return await lifecycle.PartialClosedAsync(fire.FireId, ticket, report.TsMs ?? 0, root.Dec("volume")!.Value, report.ClosePrice, report.Net, ct) ?? fire;
        }

        await lifecycle.ClosedAsync(fire.FireId, position, report.ClosePrice, report.Net, report.Reason, report.TsMs, currency, ct);
        return null;
    }

    /// <summary>
    /// A close of less than the open volume of a filled fire, not by its stop or target or a stop-out (those close the
    /// whole position): a partial close. Without a volume a report is a full close, as before partial closes existed.
    /// </summary>
    private static bool IsPartial(FireRecord fire, decimal? volume, Contracts.Execution.CloseReason reason) =>
        fire.Status == FireStatus.Filled && volume is > 0 && volume < (fire.RemainingVolume ?? fire.FilledVolume ?? fire.Volume) - 0.000_000_01m
        && reason is not (Contracts.Execution.CloseReason.TakeProfit or Contracts.Execution.CloseReason.StopLoss or Contracts.Execution.CloseReason.StopOut);

    private void Drop(string reason, string eaId, string? detail)
    {
        metrics.Rejected(reason);
        Log.EaMessageDropped(logger, reason, eaId, detail);
    }
}
