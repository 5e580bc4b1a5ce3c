using Bitten.Contracts.Hosting;

namespace Bitten.Simulator.Protocol;

/// <summary>
/// The <c>simulator</c> entry of <c>/healthz</c>. Always healthy (a paper EA never makes the platform
/// unhealthy); the data says whether it is connected and acknowledged, how far simulated time has run,
/// and the paper account.
/// </summary>
internal sealed class SimulatorHealthContributor(PaperEaService ea, SimulatorSetup setup) : IHealthContributor
{
    public string Name => "simulator";

    public Task<HealthContribution> CheckAsync(CancellationToken cancellationToken)
    {
        var s = ea.Status();
        var data = new Dictionary<string, object?>
        {
            ["ea_id"] = setup.Identity.EaId,
            ["speed"] = setup.Options.Speed,
            ["started"] = s.Started,
            ["commands_connected"] = s.CommandsConnected,
            ["hello_acknowledged"] = s.HelloAcknowledged,
            ["simulated_time"] = s.Started ? DateTimeOffset.FromUnixTimeMilliseconds(s.SimulatedTimeMs).ToString("O", System.Globalization.CultureInfo.InvariantCulture) : null,
            ["ticks_sent"] = s.TicksSent,
            ["ticks_dropped"] = s.TicksDropped,
            ["open_positions"] = s.OpenPositions,
            ["balance"] = s.Balance,
            ["equity"] = s.Equity,
        };
        return Task.FromResult(HealthContribution.Healthy(data, "paper EA (synthetic market)"));
    }
}
