using System.Text.Json;
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var socket = new ZmqSocket(ZmqSocketType.Pull, new ZmqSocketOptions { Name = "reports", MaxMessageBytes = zmq.Value.MaxMessageBytes, ReceiveHighWaterMark = 10_000 });
        var port = socket.Bind(zmq.Value.Endpoint(zmq.Value.ReportPort));
        endpoints.Set("reports", port);
        Log.ReportsBound(logger, port);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var message = await socket.ReceiveAsync(stoppingToken);
                if (message.FrameCount != 1)
                {
                    Drop("malformed", "?", "a report is one frame of JSON");
                    continue;
                }

                await HandleAsync(message.GetFrameMemory(0), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Log.ReportLoopFailed(logger, ex);
            }
        }
    }

    /// <summary>Handles one report (also called directly by the throughput benchmark).</summary>
    internal async Task HandleAsync(ReadOnlyMemory<byte> json, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            Drop("malformed_json", "?", "not JSON");
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Drop("malformed_json", "?", "not a JSON object");
                return;
            }

            var eaId = root.Str("ea_id") ?? "?";
            var credentials = await authenticator.CheckAsync(eaId, root.Str("ea_token"), ct);
            if (!credentials.Valid)
            {
                Drop("unauthenticated", eaId, null);
                return;
            }

            if (registry.Find(eaId) is not { Session: true } ea)
            {
                Drop("no_hello", eaId, "report before a valid hello");
                return;
            }

            var type = root.Type();
            if (type == "pong")
            {
                if (!pings.Answer(eaId, root.Str("ping_id")))
                {
                    metrics.Rejected("unknown_ping");
                }

                return;
            }

            if (type is not ("confirmation" or "close_report"))
            {
                Drop("unknown_type", eaId, type);
                return;
            }

            var fireId = root.Str("fire_id");
            if (string.IsNullOrEmpty(fireId))
            {
                Drop("missing_field", eaId, "fire_id is required");
                return;
            }

            FireRecord? fire;
            await using (var scope = scopes.CreateAsyncScope())
            {
                fire = await scope.ServiceProvider.GetRequiredService<ExecutionDbContext>().Fires.AsNoTracking().FirstOrDefaultAsync(f => f.FireId == fireId, ct);
            }

            if (fire is null)
            {
                Drop("unknown_fire", eaId, fireId);
                return;
            }

            if (fire.EaId != eaId)
            {
                Drop("foreign_fire", eaId, $"fire {fireId} was sent to another EA");
                return;
            }

            if (type == "confirmation")
            {
                await ConfirmAsync(root, fire, ct);
            }
            else
            {
                await CloseAsync(root, fire, ea.Currency, ct);
            }
        }
    }

    private async Task ConfirmAsync(JsonElement root, FireRecord fire, CancellationToken ct)
    {
        var status = (root.Str("status") ?? string.Empty).ToLowerInvariant();
        var position = root.Long("position") ?? root.Long("ticket");
        switch (status)
        {
            case "filled" or "success" or "duplicate":
                if (position is not > 0)
                {
                    if (status != "duplicate")
                    {
                        Drop("missing_field", fire.EaId, "a filled confirmation needs its position");
                    }

                    return;
                }

                if (fire.Position is { } known && known != position)
                {
                    Drop("position_mismatch", fire.EaId, $"fire {fire.FireId} is position {known}, not {position}");
                    return;
                }

                await lifecycle.FilledAsync(fire.FireId, root.Dec("price"), root.Dec("volume"), position.Value, $"filled (retcode {root.Long("retcode")})", ct);
                return;
            case "rejected" or "failed" or "error":
                var message = root.Str("message") ?? "rejected by the terminal";
                var retcode = (int?)root.Long("retcode");
                await lifecycle.FailAsync(fire.FireId, Unsettled, FireStatus.Rejected, retcode is null ? message : $"{message} (retcode {retcode})", retcode, ct);
                return;
            default:
                Drop("bad_value", fire.EaId, $"confirmation status '{status}'");
                return;
        }
    }

    private async Task CloseAsync(JsonElement root, FireRecord fire, string currency, CancellationToken ct)
    {
        var position = root.Long("position");
        if (fire.Position is { } known && position is { } reported && known != reported)
        {
            Drop("position_mismatch", fire.EaId, $"fire {fire.FireId} is position {known}, not {reported}");
            return;
        }

        if (root.Dec("close_price") is not { } closePrice || root.Dec("profit") is not { } profit)
        {
            Drop("missing_field", fire.EaId, "close_report needs close_price and profit");
            return;
        }

        var net = profit + (root.Dec("commission") ?? 0) + (root.Dec("swap") ?? 0);
        await lifecycle.ClosedAsync(fire.FireId, position, closePrice, net, Outcomes.ParseReason(root.Str("reason")), root.Long("ts_ms"), currency, ct);
    }

    private void Drop(string reason, string eaId, string? detail)
    {
        metrics.Rejected(reason);
        Log.EaMessageDropped(logger, reason, eaId, detail);
    }
}
