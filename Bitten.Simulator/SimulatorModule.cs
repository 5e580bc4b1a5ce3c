using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bitten.Simulator;

/// <summary>Registers the embedded paper EA in the host process.</summary>
public static class SimulatorModule
{
    /// <summary>Adds the simulator's options; the paper EA itself arrives with the simulator issue.</summary>
    public static IHostApplicationBuilder AddSimulator(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SimulatorOptions>()
            .BindConfiguration(SimulatorOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }
}
