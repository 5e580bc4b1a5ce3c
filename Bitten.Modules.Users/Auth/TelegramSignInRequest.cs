using System.Text.Json.Serialization;

namespace Bitten.Modules.Users.Auth;

/// <summary>Body of <c>POST /api/auth/telegram</c>: the Mini App's raw <c>Telegram.WebApp.initData</c>.</summary>
internal sealed record TelegramSignInRequest([property: JsonPropertyName("init_data")] string? InitData);
