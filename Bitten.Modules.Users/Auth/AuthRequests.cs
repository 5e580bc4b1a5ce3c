using System.Text.Json.Serialization;

namespace Bitten.Modules.Users.Auth;

/// <summary>Body of <c>POST /api/auth/telegram</c>: the Mini App's raw <c>Telegram.WebApp.initData</c>.</summary>
internal sealed record TelegramSignInRequest([property: JsonPropertyName("init_data")] string? InitData);

/// <summary>Body of <c>POST /api/auth/login-link</c>: the code from the bot's <c>/login</c>.</summary>
internal sealed record LoginLinkRequest([property: JsonPropertyName("code")] string? Code);

/// <summary>Body of <c>POST /api/auth/refresh</c>.</summary>
internal sealed record RefreshRequest([property: JsonPropertyName("refresh_token")] string? RefreshToken);
