using System.Reflection;
using Bitten.Contracts.Hosting;

namespace Bitten.Host.Observability;

/// <summary>
/// <c>GET /healthz</c>: status, version, uptime and one entry per health contributor. Any
/// unhealthy contributor (or one that throws or times out) makes the answer 503.
/// </summary>
internal static class HealthEndpoint
{
    private static readonly TimeSpan ContributorTimeout = TimeSpan.FromSeconds(3);

    public static string Version { get; } =
        typeof(HealthEndpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static IEndpointRouteBuilder MapHealthEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", CheckAsync)
            .WithName("Health")
            .WithSummary("Process and module health; 503 when any contributor is unhealthy.");
        return endpoints;
    }

    private static async Task<IResult> CheckAsync(
        IEnumerable<IHealthContributor> contributors, HostClock clock, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("Bitten.Host.Health");
        var results = await Task.WhenAll(contributors.Select(c => RunAsync(c, logger, cancellationToken)));
        var worst = results.Select(r => r.Result.State).DefaultIfEmpty(HealthState.Healthy).Max();
        var body = new
        {
            status = worst.ToString(),
            version = Version,
            started_at = clock.StartedAt,
            uptime_s = Math.Round((time.GetUtcNow() - clock.StartedAt).TotalSeconds, 1),
            checks = Unique(results).ToDictionary(
                r => r.Name,
                r => new { status = r.Result.State.ToString(), description = r.Result.Description, data = r.Result.Data }),
        };
        return Results.Json(body, statusCode: worst == HealthState.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }

    // Two contributors with one name must not turn /healthz into a 500: the second becomes "name#2".
    private static IEnumerable<(string Name, HealthContribution Result)> Unique((string Name, HealthContribution Result)[] results)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, result) in results)
        {
            var count = seen[name] = seen.GetValueOrDefault(name) + 1;
            yield return (count == 1 ? name : $"{name}#{count}", result);
        }
    }

    private static async Task<(string Name, HealthContribution Result)> RunAsync(IHealthContributor contributor, ILogger logger, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ContributorTimeout);
        try
        {
            return (contributor.Name, await contributor.CheckAsync(timeout.Token).WaitAsync(timeout.Token));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (contributor.Name, HealthContribution.Unhealthy($"no answer within {ContributorTimeout.TotalSeconds:0} s"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.HealthContributorFailed(logger, contributor.Name, ex);
            return (contributor.Name, HealthContribution.Unhealthy($"check failed: {ex.Message}"));
        }
    }
}
