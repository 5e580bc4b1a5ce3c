using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bitten.Simulator.Tests;

public sealed class SimulatorModuleTests
{
    private static IServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddSimulator();
        return builder.Services.BuildServiceProvider();
    }

    private static bool RunsPaperEa(IServiceProvider services) =>
        services.GetServices<IHostedService>().Any(s => s.GetType().Name == "PaperEaService");

    [Fact]
    public void AddSimulator_WhenNoFeedSourceConfigured_IsOnWithARandomToken()
    {
        var services = Build();

        var identity = services.GetRequiredService<SimulatorIdentity>();
        identity.Enabled.ShouldBeTrue();
        identity.EaId.ShouldBe("sim-ea-1");
        identity.EaToken.Length.ShouldBeGreaterThanOrEqualTo(32);
        identity.ToString().ShouldNotContain(identity.EaToken);
        RunsPaperEa(services).ShouldBeTrue();
    }

    [Fact]
    public void AddSimulator_WhenFeedSourcesListOnlyTheSimulator_IsOn() =>
        Build(("Modules:Signals:FeedSources:0", "sim-ea-1")).GetRequiredService<SimulatorIdentity>().Enabled.ShouldBeTrue();

    [Fact]
    public void AddSimulator_WhenARealFeedEaIsConfigured_IsOff()
    {
        var services = Build(("Modules:Signals:FeedSources:0", "london-vps-1"));

        services.GetRequiredService<SimulatorIdentity>().Enabled.ShouldBeFalse();
        RunsPaperEa(services).ShouldBeFalse();
    }

    [Fact]
    public void AddSimulator_WhenExplicitlyEnabledWithoutToken_FailsNamingTheKey()
    {
        var services = Build(("Simulator:Enabled", "true"), ("Modules:Signals:FeedSources:0", "london-vps-1"));

        var error = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<SimulatorOptions>>().Value);
        error.Message.ShouldContain("Simulator:EaToken");
    }

    [Fact]
    public void AddSimulator_WhenExplicitlyEnabledWithToken_UsesTheConfiguredIdentity()
    {
        var identity = Build(("Simulator:Enabled", "true"), ("Simulator:EaId", "demo-ea"), ("Simulator:EaToken", "t0ken")).GetRequiredService<SimulatorIdentity>();

        identity.ShouldSatisfyAllConditions(i => i.Enabled.ShouldBeTrue(), i => i.EaId.ShouldBe("demo-ea"), i => i.EaToken.ShouldBe("t0ken"));
    }

    [Theory]
    [InlineData("Simulator:Speed", "5000", "Simulator:Speed")]
    [InlineData("Simulator:Symbols:0", "BTCUSD", "Simulator:Symbols")]
    [InlineData("Simulator:EaId", "x", "Simulator:EaId")]
    public void AddSimulator_WhenSettingIsBad_FailsNamingTheKey(string key, string value, string named)
    {
        var services = Build((key, value));

        Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<SimulatorOptions>>().Value).Message.ShouldContain(named);
    }

    [Fact]
    public void Setup_WhenSymbolsConfigured_QuotesExactlyThose()
    {
        var options = Build(("Simulator:Symbols:0", "EURUSD"), ("Simulator:Symbols:1", "xauusd"), ("Simulator:SpreadPips:EURUSD", "0.3")).GetRequiredService<IOptions<SimulatorOptions>>().Value;

        var setup = SimulatorSetup.From(options, new SimulatorIdentity(true, "sim-ea-1", "t"));

        setup.Profiles.Select(p => p.Symbol).ShouldBe(["EURUSD", "XAUUSD"]);
        setup.Profiles[0].SpreadPips.ShouldBe(0.3);
    }

    [Fact]
    public void Setup_WhenSymbolsNotConfigured_QuotesTheTwelveDefaults() =>
        SimulatorSetup.From(new SimulatorOptions(), new SimulatorIdentity(true, "sim-ea-1", "t")).Profiles.Count.ShouldBe(12);
}
