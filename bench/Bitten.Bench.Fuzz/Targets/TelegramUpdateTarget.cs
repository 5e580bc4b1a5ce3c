using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Bitten.Bench.Fuzz.Engine;
using Bitten.Modules.Users.Bot;
using Bitten.Modules.Users.Telegram;
using Bitten.Modules.Users.Telegram.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bitten.Bench.Fuzz.Targets;

/// <summary>
/// Telegram Bot API updates as the Users module receives them. Long polling (most variants): the input is the body of a
/// getUpdates answer (or, in half the polls, the one update inside a well-formed answer), read by <see cref="TelegramBotClient.GetUpdatesAsync"/> from a fake HTTP handler. Webhook (the rest):
/// the input is a POSTed Update, parsed as WebhookEndpoint does and read by <see cref="TelegramBotClient.ReadUpdate"/>.
/// Each update read is then taken apart as CommandRouter does first (<see cref="BotCommand.Parse"/>,
/// <see cref="FireCallback.TryParse"/>). Reasons are the client's outcome tags and <c>bad_update</c> (counted, skipped).
/// </summary>
internal sealed class TelegramUpdateTarget : IFuzzTarget
{
    private readonly ServiceProvider _services;
    private readonly CannedHandler _handler = new();
    private readonly TelegramBotClient _bot;

    public TelegramUpdateTarget()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var options = Options.Create(new TelegramOptions { BotToken = "123456:fuzz-token", MaxAttempts = 1, ApiBaseUrl = "http://telegram.invalid" });
        _bot = new TelegramBotClient(new HttpClient(_handler), options, TimeProvider.System, new TelegramMetrics(_services.GetRequiredService<IMeterFactory>()),
            NullLogger<TelegramBotClient>.Instance);
    }

    public string Name => "telegram-update";

    public IReadOnlyList<byte[]> Samples { get; } = [.. TelegramSamples.Updates.Select(SampleFiles.Utf8)];

    public IReadOnlyList<byte[]> Tokens { get; } = [.. TelegramSamples.Tokens.Select(SampleFiles.Utf8)];

    public string Run(byte[] input, ulong variant)
    {
        if (variant % 4 == 0)
        {
            return Webhook(input);
        }

        // half the polls carry the input as the one update of a well-formed answer, so mutations reach ReadUpdate
        _handler.Body = variant % 4 == 1 ? input : [.. "{\"ok\":true,\"result\":["u8, .. input, .. "]}"u8];
        var result = _bot.GetUpdatesAsync(0, TimeSpan.Zero, CancellationToken.None).GetAwaiter().GetResult();
        if (!result.Ok || result.Value is null)
        {
            return "poll:" + TelegramMetrics.Tag(result.Outcome);
        }

        foreach (var update in result.Value.Updates)
        {
            Consume(update);
        }

        return result.Value.Skipped > 0 ? "poll:bad_update" : Outcome.Accepted;
    }

    public void Dispose()
    {
        _handler.Dispose();
        _services.Dispose();
    }

    private string Webhook(byte[] input)
    {
        JsonElement body;
        try
        {
            using var document = JsonDocument.Parse(input);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return "webhook:malformed_json";
        }

        if (_bot.ReadUpdate(body, out _) is not { } update)
        {
            return "webhook:bad_update";
        }

        Consume(update);
        return Outcome.Accepted;
    }

    /// <summary>What CommandRouter reads first from an update.</summary>
    private static void Consume(TelegramUpdate update)
    {
        if (update.Message is { } message)
        {
            _ = message.Chat.Id;
            _ = BotCommand.Parse(message.Text);
        }

        if (update.CallbackQuery is { } callback)
        {
            _ = callback.From.Id;
            _ = FireCallback.TryParse(callback.Data, out _);
        }
    }

    /// <summary>Answers every request with 200 and the current body, as api.telegram.org would.</summary>
    private sealed class CannedHandler : HttpMessageHandler
    {
        public byte[] Body { get; set; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Body) });
    }
}
