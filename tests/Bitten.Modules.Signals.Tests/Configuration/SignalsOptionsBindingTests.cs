using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Signals.Tests.Configuration;

public sealed class SignalsOptionsBindingTests
{
    private static SignalsOptions Bind(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddSignalsModule();
        using var provider = builder.Services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<SignalsOptions>>().Value;
    }

    [Fact]
    public void A_configured_symbol_list_replaces_the_default_instead_of_being_appended_to_it()
    {
        var options = Bind(("Modules:Signals:ActiveSymbols:0", "EURUSD"), ("Modules:Signals:ActiveSymbols:1", "XAUUSD"),
            ("Modules:Signals:ReserveSymbols:0", "EURGBP"));

        options.ActiveSymbols.ShouldBe(["EURUSD", "XAUUSD"]);
        options.ReserveSymbols.ShouldBe(["EURGBP"]);
    }

    [Fact]
    public void Without_configuration_the_DOMAIN_defaults_stand()
    {
        var options = Bind();

        options.ActiveSymbols.Length.ShouldBe(10);
        options.ReserveSymbols.ShouldBe(["EURGBP", "AUDJPY"]);
    }

    [Fact]
    public void An_empty_configured_name_is_rejected_naming_the_key()
    {
        var error = Should.Throw<OptionsValidationException>(() => Bind(("Modules:Signals:ActiveSymbols:0", " ")));

        error.Message.ShouldContain("Modules:Signals:ActiveSymbols");
    }
}
