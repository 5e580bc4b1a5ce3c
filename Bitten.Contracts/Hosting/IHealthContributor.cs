namespace Bitten.Contracts.Hosting;

/// <summary>One entry of <c>/healthz</c>. Registered by a module; the host aggregates them.</summary>
public interface IHealthContributor
{
    /// <summary>The entry's key in the JSON (lower case, e.g. <c>signals</c>).</summary>
    string Name { get; }

    Task<HealthContribution> CheckAsync(CancellationToken cancellationToken);
}
