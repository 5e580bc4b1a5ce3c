using System.Text.Json.Serialization;

namespace Bitten.Modules.Users.Telegram.Api;

/// <summary>Bot API <c>InlineKeyboardMarkup</c>: rows of buttons under a message.</summary>
internal sealed record InlineKeyboard([property: JsonPropertyName("inline_keyboard")] IReadOnlyList<IReadOnlyList<InlineButton>> Rows)
{
    public static InlineKeyboard Row(params InlineButton[] buttons) => new([buttons]);
}

/// <summary>One inline button: exactly one of url, callback_data (≤ 64 bytes) or web_app.</summary>
internal sealed record InlineButton(string Text, string? Url = null, string? CallbackData = null, WebAppInfo? WebApp = null)
{
    public static InlineButton ToUrl(string text, string url) => new(text, Url: url);

    public static InlineButton Callback(string text, string data) => new(text, CallbackData: data);

    public static InlineButton MiniApp(string text, string url) => new(text, WebApp: new WebAppInfo(url));
}

/// <summary>Bot API <c>WebAppInfo</c>: the Mini App to open.</summary>
internal sealed record WebAppInfo(string Url);
