using Bitten.Contracts.Hosting;
using Bitten.Modules.Gamification.Drill;
using Bitten.Modules.Gamification.Shop;
using Bitten.Modules.Gamification.Xp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Gamification.Tests;

public sealed class OptionsTests
{
    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddGamificationModule();
        return builder.Services.BuildServiceProvider();
    }

    [Fact]
    public void Defaults_WhenNothingConfigured_AreValidAndRegisterTheDrillJob()
    {
        using var sp = Build();

        sp.GetRequiredService<IOptions<XpOptions>>().Value.FireFilled.ShouldBe(10);
        sp.GetRequiredService<IOptions<ShopOptions>>().Value.Catalogue.ShouldNotBeEmpty();
        var job = sp.GetServices<ScheduledJob>().ShouldHaveSingleItem();
        job.JobType.ShouldBe(typeof(DrillReportJob));
        job.CronExpression.ShouldBe("0 0/5 * * * ?");
    }

    [Fact]
    public void DrillReport_WhenCronInvalid_FailsNamingTheKey()
    {
        using var sp = Build(("Modules:Gamification:DrillReport:Cron", "every five minutes"));

        Should.Throw<OptionsValidationException>(() => sp.GetRequiredService<IOptions<DrillReportOptions>>().Value)
            .Message.ShouldContain("Modules:Gamification:DrillReport:Cron");
    }

    [Fact]
    public void Shop_WhenItemHasNoPrice_FailsNamingTheKey()
    {
        using var sp = Build(("Modules:Gamification:Shop:Items:0:Code", "badge-x"), ("Modules:Gamification:Shop:Items:0:Name", "X"),
            ("Modules:Gamification:Shop:Items:0:Kind", "Badge"));

        Should.Throw<OptionsValidationException>(() => sp.GetRequiredService<IOptions<ShopOptions>>().Value)
            .Message.ShouldContain("Modules:Gamification:Shop:Items");
    }

    [Fact]
    public void Xp_WhenNegative_FailsNamingTheKey()
    {
        using var sp = Build(("Modules:Gamification:Xp:Win", "-5"));

        Should.Throw<OptionsValidationException>(() => sp.GetRequiredService<IOptions<XpOptions>>().Value)
            .Message.ShouldContain("Modules:Gamification:Xp:Win");
    }
}
