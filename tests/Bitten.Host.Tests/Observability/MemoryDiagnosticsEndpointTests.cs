using System.Globalization;
using System.Net;
using System.Text.Json;
using Bitten.Host.Tests.Infrastructure;

namespace Bitten.Host.Tests.Observability;

/// <summary>
/// <c>GET /api/admin/diagnostics/memory</c>: an admin reads the GC's view of the heap, the process's descriptors and the
/// modules' cache sizes (the soak compares two of these); nobody else can (the route is also covered by
/// AuthorizationTests' sweep of every admin route).
/// </summary>
public sealed class MemoryDiagnosticsEndpointTests : IDisposable
{
    private const long AdminTelegramId = 770_001;
    private readonly BittenAppFactory _factory = new BittenAppFactory().WithTelegram()
        .WithSetting("Auth:AdminTelegramIds:0", AdminTelegramId.ToString(CultureInfo.InvariantCulture));

    [Fact]
    public async Task Diagnostics_WhenReadByAnAdmin_ReportGcProcessMetricsAndTheStreamHub()
    {
        using var admin = await _factory.CreateClient().SignInAsync(AdminTelegramId);

        using var json = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/admin/diagnostics/memory", UriKind.Relative)));

        var root = json.RootElement;
        root.GetProperty("gc").GetProperty("heap_size_bytes").GetInt64().ShouldBeGreaterThan(0);
        root.GetProperty("gc").GetProperty("generations").GetArrayLength().ShouldBeGreaterThanOrEqualTo(3);
        root.GetProperty("process").GetProperty("working_set_bytes").GetInt64().ShouldBeGreaterThan(0);
        root.GetProperty("metrics").GetProperty("series").GetInt32().ShouldBeGreaterThan(0);
        var missions = root.GetProperty("modules").GetProperty("missions");
        missions.GetProperty("stream_replay_bytes").GetInt64().ShouldBe(0);
        missions.GetProperty("stream_replay_budget_bytes").GetInt64().ShouldBe(64L * 1024 * 1024);
        if (OperatingSystem.IsLinux())
        {
            var fds = root.GetProperty("process").GetProperty("fds");
            fds.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
            fds.GetProperty("by_kind").EnumerateObject().Select(p => p.Name).ShouldContain("file", "the module databases are open");
        }
    }

    [Fact]
    public async Task Diagnostics_WhenReadByAnOrdinaryUser_Answer403()
    {
        using var user = await _factory.CreateClient().SignInAsync(770_101);

        using var response = await user.GetAsync(new Uri("/api/admin/diagnostics/memory", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    public void Dispose() => _factory.Dispose();
}
