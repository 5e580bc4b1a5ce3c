namespace Bitten.Contracts.Hosting;

/// <summary>The state a health contributor reports, with details shown as they are.</summary>
public sealed record HealthContribution(HealthState State, string? Description, IReadOnlyDictionary<string, object?> Data)
{
    public static HealthContribution Healthy(IReadOnlyDictionary<string, object?>? data = null, string? description = null) =>
        new(HealthState.Healthy, description, data ?? new Dictionary<string, object?>());

    public static HealthContribution Degraded(string description, IReadOnlyDictionary<string, object?>? data = null) =>
        new(HealthState.Degraded, description, data ?? new Dictionary<string, object?>());

    public static HealthContribution Unhealthy(string description, IReadOnlyDictionary<string, object?>? data = null) =>
        new(HealthState.Unhealthy, description, data ?? new Dictionary<string, object?>());
}
