using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bitten.Simulator.Tests;

public sealed class SimulatorModuleTests
{
    [Fact]
    public void AddSimulator_WhenNotConfigured_LeavesEnabledUndecided()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddSimulator();
        using var host = builder.Build();

        ((IOptions<SimulatorOptions>)host.Services.GetService(typeof(IOptions<SimulatorOptions>))!).Value.Enabled.ShouldBeNull();
    }
}
