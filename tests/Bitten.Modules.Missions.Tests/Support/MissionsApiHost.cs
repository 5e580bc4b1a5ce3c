using Bitten.Modules.Missions.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Missions.Tests.Support;

/// <summary>A minimal web app on TestServer: the Missions module, its endpoints, a test sign-in and the fakes.</summary>
internal sealed class MissionsApiHost : IAsyncDisposable
{
    private readonly TemporaryDirectory _directory;
    private readonly WebApplication _app;

    private MissionsApiHost(TemporaryDirectory directory, WebApplication app, ManualTimeProvider time, FakeWorld world)
    {
        _directory = directory;
        _app = app;
        Time = time;
        World = world;
    }

    public ManualTimeProvider Time { get; }

    public FakeWorld World { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<MissionsApiHost> StartAsync()
    {
        var directory = new TemporaryDirectory("missions-api");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = directory.Path, EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = directory.Path });
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));
        var world = new FakeWorld();
        MissionsHarness.Register(builder, time, world, executionRunning: true);
        builder.Services.AddAuthentication(TestAuthHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<MissionsDbContext>().Database.MigrateAsync();
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.MapMissionsEndpoints();
        await app.StartAsync();
        return new MissionsApiHost(directory, app, time, world);
    }

    public HttpClient Client(long? userId)
    {
        var client = _app.GetTestClient();
        if (userId is { } id)
        {
            client.DefaultRequestHeaders.Add("X-Test-User", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return client;
    }

    public async Task PublishAsync(MediatR.INotification notification)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Publish(notification);
        if (notification is Bitten.Contracts.Signals.SignalPublished)
        {
            // The fan-out runs on the module's worker (started with the app): wait until it has done this signal.
            var queue = _app.Services.GetRequiredService<Bitten.Modules.Missions.Creation.FanOutQueue>();
            await Wait.UntilAsync(() => queue.Outstanding == 0, TimeSpan.FromSeconds(30), "the fan-out worker to finish the signal");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _directory.Dispose();
    }
}
