using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bitten.Modules.Users.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Users.Bot;

/// <summary>
/// <c>POST /api/telegram/webhook</c>: Telegram pushes updates here when <c>Telegram:WebhookUrl</c> is set.
/// The secret header is compared in constant time; an unreadable update is counted and acknowledged
/// (200) so Telegram does not redeliver it forever.
/// </summary>
internal static class WebhookEndpoint
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/telegram/webhook", HandleAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, IOptions<TelegramOptions> options, TelegramBotClient bot, CommandRouter router, ILoggerFactory logs, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.UsesWebhook || !o.HasBotToken || string.IsNullOrEmpty(o.WebhookSecret))
        {
            return Results.NotFound();
        }

        var presented = Encoding.UTF8.GetBytes(http.Request.Headers[SecretHeader].ToString());
        if (!CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(o.WebhookSecret)))
        {
            return Results.Unauthorized();
        }

        JsonElement body;
        try
        {
            using var doc = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: ct);
            body = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            body = default;
        }

        var update = body.ValueKind == JsonValueKind.Undefined ? null : bot.ReadUpdate(body, out _);
        if (update is not null)
        {
            try
            {
                await router.HandleAsync(update, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.BotUpdateFailed(logs.CreateLogger("Bitten.Modules.Users.Bot"), update.UpdateId, ex);
            }
        }

        return Results.Ok();
    }
}
