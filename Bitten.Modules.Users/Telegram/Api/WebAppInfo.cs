namespace Bitten.Modules.Users.Telegram.Api;

/// <summary>Bot API <c>WebAppInfo</c>: the Mini App to open.</summary>
internal sealed record WebAppInfo(string Url);
