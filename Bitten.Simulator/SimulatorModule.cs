using System.Security.Cryptography;
using Bitten.Contracts.Hosting;
using Bitten.Simulator.Market;
using Bitten.Simulator.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Simulator;

/// <summary>Registers the embedded paper EA in the host process.</summary>
public static class SimulatorModule
{
    private const string FeedSourcesKey = "Modules:Signals:FeedSources";

    /// <summary>The embedded demo's warm-up: enough M5/M15 history for every detector's indicators.</summary>
    public static readonly TimeSpan DefaultDemoWarmUp = TimeSpan.FromHours(3);

    /// <summary>
    /// Adds the simulator's options, its <see cref="SimulatorIdentity"/> (always registered; check
    /// <see cref="SimulatorIdentity.Enabled"/>) and, when enabled, the paper EA hosted service.
    /// <c>Simulator:Enabled</c> defaults to on when <c>Modules:Signals:FeedSources</c> is empty or lists only
    /// the simulator's own EA id; the default simulator gets a random token made at start.
    /// </summary>
    public static IHostApplicationBuilder AddSimulator(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var section = builder.Configuration.GetSection(SimulatorOptions.SectionName);
        var explicitlyEnabled = section.GetValue<bool?>(nameof(SimulatorOptions.Enabled));
        var eaId = section[nameof(SimulatorOptions.EaId)] is { Length: > 0 } id ? id : new SimulatorOptions().EaId;
        var feedSources = builder.Configuration.GetSection(FeedSourcesKey).Get<string[]>() ?? [];
        var enabled = explicitlyEnabled ?? feedSources.All(s => string.Equals(s, eaId, StringComparison.Ordinal));
        var token = section[nameof(SimulatorOptions.EaToken)] is { Length: > 0 } configured ? configured
            : enabled && explicitlyEnabled is null ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)) : string.Empty;
        var byDefault = enabled && explicitlyEnabled is null;
        var openAtWeekends = section.GetValue<bool?>(nameof(SimulatorOptions.OpenAtWeekends)) ?? byDefault;
        var identity = new SimulatorIdentity(enabled, eaId, token, openAtWeekends, byDefault);
        services.AddSingleton(identity);

        services.AddOptions<SimulatorOptions>()
            .BindConfiguration(SimulatorOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.Enabled != true || !string.IsNullOrWhiteSpace(o.EaToken), "Simulator:EaToken is required when Simulator:Enabled is true (the secret issued when the EA was linked).")
            .Validate(o => o.Symbols.All(s => SymbolProfile.Find(s) is not null), "Simulator:Symbols may name only " + string.Join(", ", SymbolProfile.Defaults.Select(p => p.Symbol)) + ".")
            .Validate(o => o.SpreadPips.Values.All(v => v is > 0 and < 1_000), "Simulator:SpreadPips values must be between 0 and 1000 pips.")
            .Validate(o => o.TicksPerSecond.Values.All(v => v is > 0 and <= 100), "Simulator:TicksPerSecond values must be above 0 and at most 100.")
            .ValidateOnStart();
        if (!enabled)
        {
            services.AddHostedService(sp => new DisabledNotice(sp.GetRequiredService<ILogger<SimulatorIdentity>>()));
            return builder;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BoundEndpoints>();
        services.AddSingleton(sp => SimulatorSetup.From(sp.GetRequiredService<IOptions<SimulatorOptions>>().Value, identity));
        services.PostConfigure<SimulatorOptions>(o =>
        {
            o.OpenAtWeekends ??= openAtWeekends;
            o.WarmUp ??= byDefault ? DefaultDemoWarmUp : TimeSpan.Zero;
        });
        services.AddSingleton<PaperEaService>();
        services.AddHostedService(sp => sp.GetRequiredService<PaperEaService>());
        services.AddSingleton<IHealthContributor, SimulatorHealthContributor>();
        return builder;
    }

    private sealed class DisabledNotice(ILogger logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            Log.Disabled(logger);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
