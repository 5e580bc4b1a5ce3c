namespace Bitten.Contracts.Users;

/// <summary>
/// A button under an alert: opens <paramref name="Url"/> in the browser, or inside Telegram as the Mini App; or, with
/// <paramref name="CallbackData"/> (at most 64 bytes), asks the bot to act (e.g. <c>fire:&lt;mission id&gt;</c>) and
/// <paramref name="Url"/> is ignored.
/// </summary>
public sealed record AlertButton(string Text, string Url, bool OpenAsMiniApp, string? CallbackData = null);
