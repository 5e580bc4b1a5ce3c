using System.Text.Json.Serialization;

namespace Bitten.Modules.Users.Audit;

/// <summary>One page of the audit trail.</summary>
internal sealed record AuditPage(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("page_size")] int PageSize,
    [property: JsonPropertyName("items")] IReadOnlyList<AuditEntryView> Items);
