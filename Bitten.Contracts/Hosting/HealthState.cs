namespace Bitten.Contracts.Hosting;

/// <summary>Health of one contributor; <see cref="Unhealthy"/> makes <c>/healthz</c> answer 503.</summary>
public enum HealthState
{
    Unknown = 0,
    Healthy = 1,
    Degraded = 2,
    Unhealthy = 3,
}
