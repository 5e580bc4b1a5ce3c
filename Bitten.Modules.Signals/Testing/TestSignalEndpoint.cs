using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Bitten.Contracts.Common;
using Bitten.Contracts.Users;
using Bitten.Modules.Signals.Engine;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bitten.Modules.Signals.Testing;

/// <summary>
/// <c>POST /api/admin/signals/test</c> (admin only, and only with <c>Modules:Signals:TestSignals=true</c>): queues a test
/// signal {symbol, side, confidence?} that the engine emits on the symbol's next accepted tick. 202 when queued.
/// </summary>
internal static class TestSignalEndpoint
{
    public const int MaxQueued = 1_000;

    public static IEndpointRouteBuilder MapTestSignals(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/admin/signals/test", ForceAsync)
            .RequireAuthorization("admin")
            .WithTags("Signals admin")
            .WithSummary("Queue a test signal (load runs, drills; Modules:Signals:TestSignals): emitted on the symbol's next tick, then stored, published and turned into missions like any signal.");
        return endpoints;
    }

    private static async Task<IResult> ForceAsync(TestSignalBody? body, SignalsRuntime runtime, TestSignalRequests requests, IMediator mediator, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        if (!runtime.Options.TestSignals)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Test signals are off",
                detail: "Start the server with Modules:Signals:TestSignals=true to allow test signals (never in production: they become real missions).");
        }

        var symbol = body?.Symbol is { } name ? runtime.Symbols.Find(name) : null;
        if (symbol is null || !symbol.Active)
        {
            return Bad("symbol", "must be one of the active symbols: " + string.Join(", ", runtime.Symbols.All.Where(s => s.Active).Select(s => s.Name)));
        }

        var side = body!.Side?.ToUpperInvariant() switch { "BUY" => Side.Buy, "SELL" => Side.Sell, _ => Side.Unknown };
        if (side == Side.Unknown)
        {
            return Bad("side", "must be BUY or SELL");
        }

        var confidence = body.Confidence ?? 80;
        if (double.IsNaN(confidence) || confidence is < 0 or > 100)
        {
            return Bad("confidence", "must be 0-100");
        }

        if (!requests.TryAdd(new TestSignalRequest(symbol.Index, side, confidence), MaxQueued))
        {
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many test signals waiting",
                detail: $"{MaxQueued} test signals are waiting for ticks; is the {symbol.Name} feed running?");
        }

        long? actor = long.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        await mediator.Publish(new AuditEventOccurred(actor is { } a ? new UserId(a) : null, "signals.test", "symbol:" + symbol.Name,
            $"{side} confidence {confidence.ToString("0.#", CultureInfo.InvariantCulture)}", http.Connection.RemoteIpAddress?.ToString(), time.GetUtcNow()), ct);
        return Results.Json(new { queued = true, symbol = symbol.Name, side = side.ToString().ToUpperInvariant(), confidence, waiting = requests.Count },
            statusCode: StatusCodes.Status202Accepted);
    }

    private static IResult Bad(string parameter, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid test signal", detail: $"'{parameter}' {detail}.",
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });
}

/// <summary>Body of <c>POST /api/admin/signals/test</c>.</summary>
internal sealed record TestSignalBody(
    [property: JsonPropertyName("symbol")] string? Symbol,
    [property: JsonPropertyName("side")] string? Side,
    [property: JsonPropertyName("confidence")] double? Confidence);
