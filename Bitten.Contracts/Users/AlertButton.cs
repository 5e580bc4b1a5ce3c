namespace Bitten.Contracts.Users;

/// <summary>A button under an alert: opens <paramref name="Url"/> in the browser, or inside Telegram as the Mini App.</summary>
public sealed record AlertButton(string Text, string Url, bool OpenAsMiniApp);
