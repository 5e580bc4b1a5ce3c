using System.Diagnostics;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Hosting;
using Bitten.Contracts.Missions;
using Bitten.Contracts.Signals;
using Bitten.Contracts.Users;
using Bitten.Modules.Missions;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Bench.Missions;

/// <summary>
/// The server half of the SSE fan-out driver, run as its own process so its memory is its own: real Kestrel on
/// loopback, the Missions module's real <c>/api/stream</c> endpoint and fan-out worker with the real Users and Execution
/// handlers behind it (<see cref="Composition"/>), a header-trusting auth scheme in
/// place of bearer tokens, and two bench-only routes: <c>POST /bench/signal</c> (publish one SignalPublished for the
/// whole audience) and <c>GET /bench/stats</c> (stream clients, memory).
/// </summary>
internal static class SseServer
{
    public static async Task<int> RunAsync(int users)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"bitten-bench-sse-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var world = new World();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = directory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxConcurrentConnections = null);
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning).AddFilter("Bitten.Modules.Missions.Creation", LogLevel.Information);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = directory,
            ["Modules:Missions:MaxStreamClients"] = "100000",
        });
        Composition.Register(builder, world, real: true);
        builder.Services.AddAuthentication(BenchAuth.SchemeName).AddScheme<AuthenticationSchemeOptions, BenchAuth>(BenchAuth.SchemeName, null);
        builder.Services.AddAuthorization();

        await using var app = builder.Build();
        Composition.Migrate(app.Services);
        await Composition.SeedAsync(app.Services, world, users, real: true);

        app.UseAuthentication();
        app.UseAuthorization();
        app.MapMissionsEndpoints();
        var hub = app.Services.GetRequiredService<Modules.Missions.Stream.MissionStreamHub>();
        var queue = app.Services.GetRequiredService<Modules.Missions.Creation.FanOutQueue>();
        app.MapGet("/bench/stats", () => Results.Ok(Stats(hub)));
        app.MapPost("/bench/signal", async (IMediator mediator) =>
        {
            var now = DateTimeOffset.UtcNow;
            var started = Stopwatch.GetTimestamp();
            await mediator.Publish(new SignalPublished(SignalId.New(now), "EURUSD", Side.Buy, "BENCH", Timeframe.M5, 1.10000m, 1.09800m, 1.10300m, 20m, 30m, 1.5,
                80, 7, ShieldClass.ShieldActive, 1m, 0.6, 0.5, TradingSession.London, "RAPID", null, now, now.AddMinutes(15), now));
            var publisherHeld = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            await Composition.UntilFannedOutAsync(queue);
            return Results.Ok(new { fan_out_ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds, publisher_held_ms = publisherHeld, announced = world.Announced });
        });
        await app.StartAsync();
        Console.WriteLine("listening " + app.Urls.Single());
        // The driver ends this process by closing its standard input.
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        Directory.Delete(directory, recursive: true);
        return 0;
    }

    private static object Stats(Modules.Missions.Stream.MissionStreamHub hub)
    {
        using var process = Process.GetCurrentProcess();
        return new
        {
            clients = hub.ClientCount,
            dropped = hub.DroppedCount,
            working_set_mb = Math.Round(process.WorkingSet64 / 1048576.0, 1),
            peak_working_set_mb = Math.Round(process.PeakWorkingSet64 / 1048576.0, 1),
            gc_heap_mb = Math.Round(GC.GetTotalMemory(false) / 1048576.0, 1),
            threads = process.Threads.Count,
        };
    }

    private sealed class BenchAuth(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "Bench";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
            Task.FromResult(Request.Headers.TryGetValue("X-Bench-User", out var user)
                ? AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.ToString())], SchemeName)), SchemeName))
                : AuthenticateResult.NoResult());
    }
}
