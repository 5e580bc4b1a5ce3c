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
/// loopback, the Missions module's real <c>/api/stream</c> endpoint and fan-out, a header-trusting auth scheme in
/// place of bearer tokens, and two bench-only routes: <c>POST /bench/signal</c> (publish one SignalPublished for the
/// whole audience) and <c>GET /bench/stats</c> (stream clients, memory).
/// </summary>
internal static class SseServer
{
    public static async Task<int> RunAsync(int users)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"bitten-bench-sse-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var world = new World
        {
            Audience = [.. Enumerable.Range(1, users).Select(i => new AudienceMember(new UserId(i), "GLADIATOR", true, 2m, 5m, false, 0.55m, true))],
        };
        foreach (var member in world.Audience)
        {
            world.Accounts[member.UserId.Value] = new UserAccount(member.UserId, "ea-" + member.UserId.Value, "USD", 10_000m, 10_000m, true, DateTimeOffset.UtcNow, 10_000m, 0m);
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = directory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxConcurrentConnections = null);
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning).AddFilter("Bitten.Modules.Missions.Creation", LogLevel.Information);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = directory,
            ["Modules:Missions:MaxStreamClients"] = "100000",
        });
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(world);
        builder.AddMissionsModule();
        builder.Services.AddAuthentication(BenchAuth.SchemeName).AddScheme<AuthenticationSchemeOptions, BenchAuth>(BenchAuth.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        builder.Services.AddScoped<IMediator, Mediator>();
        foreach (var type in typeof(MissionsModule).Assembly.DefinedTypes.Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType
                && (i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>) || i.GetGenericTypeDefinition() == typeof(INotificationHandler<>))))
            {
                builder.Services.AddTransient(contract, type);
            }
        }

        builder.Services.AddTransient<IRequestHandler<ListSignalAudience, IReadOnlyList<AudienceMember>>, FakeAudience>();
        builder.Services.AddTransient<IRequestHandler<GetUserAccount, UserAccount?>, FakeAccounts>();
        builder.Services.AddTransient<IRequestHandler<GetBrokerSymbol, SymbolSpec?>, FakeBrokerSymbols>();
        builder.Services.AddTransient<IRequestHandler<GetMarketQuote, MarketQuote?>, FakeQuotes>();
        builder.Services.AddTransient<INotificationHandler<MissionCreated>, CountAnnouncements>();

        await using var app = builder.Build();
        using (var scope = app.Services.CreateScope())
        {
            foreach (var database in scope.ServiceProvider.GetServices<ModuleDatabase>())
            {
                var db = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
                db.Database.Migrate();
                db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
            }
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.MapMissionsEndpoints();
        var hub = app.Services.GetRequiredService<Modules.Missions.Stream.MissionStreamHub>();
        app.MapGet("/bench/stats", () => Results.Ok(Stats(hub)));
        app.MapPost("/bench/signal", async (IMediator mediator) =>
        {
            var now = DateTimeOffset.UtcNow;
            var started = Stopwatch.GetTimestamp();
            await mediator.Publish(new SignalPublished(SignalId.New(now), "EURUSD", Side.Buy, "BENCH", Timeframe.M5, 1.10000m, 1.09800m, 1.10300m, 20m, 30m, 1.5,
                80, 7, ShieldClass.ShieldActive, 1m, 0.6, 0.5, TradingSession.London, "RAPID", null, now, now.AddMinutes(15), now));
            return Results.Ok(new { fan_out_ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds, announced = world.Announced });
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
