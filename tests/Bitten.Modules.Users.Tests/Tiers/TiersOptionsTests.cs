using Bitten.Contracts.Users;
using Bitten.Modules.Users.Tiers;
using Bitten.Modules.Users.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Users.Tests.Tiers;

public sealed class TiersOptionsTests
{
    [Fact]
    public void Validate_WhenDefaults_AcceptsTheDomainTable()
    {
        var options = new TiersOptions();

        new TiersOptionsValidator().Validate(null, options).Succeeded.ShouldBeTrue();
        options.Definitions.Keys.ShouldBe(["PRESS", "GLADIATOR", "REAPER", "COMMANDER", "FANG", "FANG_PLUS"], ignoreOrder: true);
        options.Definitions["FANG_PLUS"].MaxOpenFires.ShouldBe(5);
        options.Definitions["COMMANDER"].AutoFire.ShouldBeTrue();
        options.Definitions["REAPER"].AutoFire.ShouldBeFalse();
    }

    [Fact]
    public void Validate_WhenAutoFireWithoutAutoMode_NamesTheKey()
    {
        var options = new TiersOptions();
        options.Definitions["REAPER"].AutoFire = true;
        options.Definitions["GLADIATOR"].MaxRiskPercent = 0m;

        var result = new TiersOptionsValidator().Validate(null, options);

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Tiers:Definitions:REAPER:AutoFire");
        result.FailureMessage.ShouldContain("Tiers:Definitions:GLADIATOR:MaxRiskPercent");
    }

    [Fact]
    public void Validate_WhenDefaultTierMissing_NamesTheKey()
    {
        var options = new TiersOptions { Default = "BRONZE" };

        new TiersOptionsValidator().Validate(null, options).FailureMessage!.ShouldContain("Tiers:Default");
    }

    [Fact]
    public async Task Binding_WhenConfigurationOverridesOneField_KeepsTheRestOfTheTable()
    {
        await using var host = UsersTestHost.Create(("Tiers:Definitions:REAPER:MaxOpenFires", "4"), ("Tiers:Definitions:VIP:FireMode", "Manual"));

        var tiers = host.App.Services.GetRequiredService<IOptions<TiersOptions>>().Value;

        tiers.Definitions["REAPER"].MaxOpenFires.ShouldBe(4);
        tiers.Definitions["REAPER"].FireMode.ShouldBe(FireMode.Manual);
        tiers.Definitions["FANG"].Bitmode.ShouldBeTrue();
        tiers.Definitions["VIP"].FireMode.ShouldBe(FireMode.Manual);
        tiers.Definitions.Count.ShouldBe(7);
    }

    [Fact]
    public async Task Start_WhenTierTableInvalid_FailsNamingTheKey()
    {
        var ex = await Should.ThrowAsync<OptionsValidationException>(async () =>
        {
            await using var host = await UsersTestHost.StartAsync(("Tiers:Definitions:PRESS:MaxOpenFires", "-1"));
        });

        ex.Message.ShouldContain("Tiers:Definitions:PRESS:MaxOpenFires");
    }
}
