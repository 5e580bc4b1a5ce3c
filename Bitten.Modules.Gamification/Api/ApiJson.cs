using System.Text.Json;

namespace Bitten.Modules.Gamification.Api;

/// <summary>The API's JSON shape: snake_case names, like the rest of BITTEN's HTTP API.</summary>
internal static class ApiJson
{
    public static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
