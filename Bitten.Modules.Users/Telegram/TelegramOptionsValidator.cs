using Microsoft.Extensions.Options;

namespace Bitten.Modules.Users.Telegram;

/// <summary>Checks what data annotations cannot: an http(s) base URL and a token of the shape BotFather issues.</summary>
internal sealed class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            errors.Add($"Telegram:ApiBaseUrl '{options.ApiBaseUrl}' must be an absolute http(s) URL such as https://api.telegram.org.");
        }

        // The token itself is never echoed back, even in a validation message.
        if (options.HasBotToken && (options.BotToken!.IndexOf(':', StringComparison.Ordinal) <= 0 || options.BotToken.Any(c => char.IsWhiteSpace(c) || c == '/')))
        {
            errors.Add("Telegram:BotToken does not look like a bot token ('<bot id>:<secret>' from @BotFather, no spaces or '/').");
        }

        if (options.UsesWebhook)
        {
            if (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var hook) || hook.Scheme != "https")
            {
                errors.Add($"Telegram:WebhookUrl '{options.WebhookUrl}' must be an absolute https URL ending in /api/telegram/webhook.");
            }

            if (string.IsNullOrEmpty(options.WebhookSecret) || options.WebhookSecret.Length > 256
                || !options.WebhookSecret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                errors.Add("Telegram:WebhookSecret is required with Telegram:WebhookUrl: 1–256 characters of A–Z, a–z, 0–9, '_' or '-'.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
