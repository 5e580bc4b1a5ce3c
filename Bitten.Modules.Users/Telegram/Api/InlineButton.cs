namespace Bitten.Modules.Users.Telegram.Api;

/// <summary>One inline button: exactly one of url, callback_data (≤ 64 bytes) or web_app.</summary>
internal sealed record InlineButton(string Text, string? Url = null, string? CallbackData = null, WebAppInfo? WebApp = null)
{
    public static InlineButton ToUrl(string text, string url) => new(text, Url: url);

    public static InlineButton Callback(string text, string data) => new(text, CallbackData: data);

    public static InlineButton MiniApp(string text, string url) => new(text, WebApp: new WebAppInfo(url));
}
