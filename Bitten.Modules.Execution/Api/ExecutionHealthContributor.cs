using Bitten.Contracts.Hosting;
using Bitten.Modules.Execution.Guards;
using Bitten.Modules.Execution.Registry;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Execution.Api;

/// <summary><c>/healthz</c> entry <c>execution</c>: EAs online and stale, the halt switch, dropped EA messages by reason. A halt is Degraded.</summary>
internal sealed class ExecutionHealthContributor(EaRegistry registry, HaltSwitch halt, ExecutionMetrics metrics, IOptions<ExecutionOptions> options, TimeProvider time) : IHealthContributor
{
    public string Name => "execution";

    public async Task<HealthContribution> CheckAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var eas = registry.Snapshot();
        var online = eas.Where(s => s.IsFresh(now, options.Value.StaleAfter)).Select(s => s.EaId).ToList();
        var stale = eas.Where(s => !s.IsFresh(now, options.Value.StaleAfter)).Select(s => s.EaId).ToList();
        var halted = await halt.IsHaltedAsync(cancellationToken);
        var data = new Dictionary<string, object?>
        {
            ["eas_online"] = online.Count,
            ["eas_stale"] = stale.Count,
            ["stale"] = stale,
            ["halted"] = halted,
            ["rejected_messages"] = metrics.Rejections.ToDictionary(k => k.Key, k => k.Value),
        };
        return halted ? HealthContribution.Degraded("trading is halted", data) : HealthContribution.Healthy(data);
    }
}
