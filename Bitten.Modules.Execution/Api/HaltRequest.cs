using System.Text.Json.Serialization;

namespace Bitten.Modules.Execution.Api;

/// <summary>Body of <c>POST /api/admin/halt</c>: <c>{halted, close_all}</c>.</summary>
internal sealed record HaltRequest(
    [property: JsonPropertyName("halted")] bool? Halted,
    [property: JsonPropertyName("close_all")] bool? CloseAll);
