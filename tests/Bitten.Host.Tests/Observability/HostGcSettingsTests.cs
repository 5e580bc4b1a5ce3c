using System.Text.Json;

namespace Bitten.Host.Tests.Observability;

/// <summary>
/// The host runs with workstation GC and background collection (Bitten.Host.csproj; why: docs/performance.md "GC mode").
/// The Web SDK's default is server GC, so a csproj edit that drops the setting would silently double the resident memory.
/// </summary>
public sealed class HostGcSettingsTests
{
    [Fact]
    public void RuntimeConfig_OfTheHost_SelectsWorkstationGcWithBackgroundCollection()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Bitten.Host.runtimeconfig.json");

        using var config = JsonDocument.Parse(File.ReadAllText(path));

        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        properties.GetProperty("System.GC.Server").GetBoolean().ShouldBeFalse();
        properties.GetProperty("System.GC.Concurrent").GetBoolean().ShouldBeTrue();
    }
}
