using System.Reflection;
using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Hosting;
using Bitten.Contracts.Signals;
using Bitten.Modules.Execution.Persistence;
using Bitten.Modules.Execution.Registry;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Execution.Tests.Harness;

/// <summary>
/// The Execution module in a minimal host: its own registration, MediatR wired by hand with the module's
/// handlers plus fakes for Users and Signals, ZeroMQ on free ports, the database in a temporary folder.
/// </summary>
internal sealed class ExecutionHost : IAsyncDisposable
{
    private static readonly Type[] HandlerInterfaces = [typeof(IRequestHandler<,>), typeof(INotificationHandler<>)];

    private ExecutionHost(IHost host, string dataDirectory)
    {
        Host = host;
        DataDirectory = dataDirectory;
    }

    public IHost Host { get; }

    public string DataDirectory { get; }

    public IServiceProvider Services => Host.Services;

    public FakeWorld World => Services.GetRequiredService<FakeWorld>();

    public FactLog Facts => Services.GetRequiredService<FactLog>();

    public EaRegistry Registry => Services.GetRequiredService<EaRegistry>();

    public static async Task<ExecutionHost> StartAsync(string dataDirectory, TimeProvider? time = null, FakeWorld? world = null, Dictionary<string, string?>? settings = null, bool web = false, string? environment = null)
    {
        IHostApplicationBuilder builder = web
            ? WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = dataDirectory, EnvironmentName = environment })
            : Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = dataDirectory, EnvironmentName = environment });
        var config = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Zmq:CommandPort"] = "0",
            ["Zmq:ReportPort"] = "0",
            ["Modules:Execution:PollInterval"] = "00:00:00.020",
        };
        foreach (var (k, v) in settings ?? [])
        {
            config[k] = v;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        builder.Services.AddSingleton(world ?? new FakeWorld());
        builder.Services.AddSingleton<FactLog>();
        builder.AddExecutionModule();
        builder.Services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        builder.Services.AddScoped<IMediator, Mediator>();
        foreach (var assembly in new[] { typeof(ExecutionModule).Assembly, typeof(ExecutionHost).Assembly })
        {
            Register(builder.Services, assembly);
        }

        IHost host;
        if (builder is WebApplicationBuilder webBuilder)
        {
            webBuilder.WebHost.UseTestServer();
            webBuilder.Services.AddAuthentication(HeaderAuthentication.SchemeName).AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>(HeaderAuthentication.SchemeName, null);
            webBuilder.Services.AddAuthorization(o => o.AddPolicy("admin", p => p.RequireRole("admin")));
            var app = webBuilder.Build();
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapExecutionEndpoints();
            host = app;
        }
        else
        {
            host = ((HostApplicationBuilder)builder).Build();
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ExecutionDbContext>().Database.MigrateAsync();
        }

        await host.StartAsync();
        return new ExecutionHost(host, dataDirectory);
    }

    public HttpClient Client(long? userId, bool admin = false)
    {
        var client = ((WebApplication)Host).GetTestClient();
        if (userId is { } id)
        {
            client.DefaultRequestHeaders.Add("X-Test-User", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (admin)
        {
            client.DefaultRequestHeaders.Add("X-Test-Admin", "1");
        }

        return client;
    }

    public Task<int> PortAsync(string name) => Services.GetRequiredService<BoundEndpoints>().PortAsync(name).WaitAsync(TimeSpan.FromSeconds(30));

    public async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public async Task PublishAsync(INotification notification)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(notification);
    }

    public async Task<T> DbAsync<T>(Func<ExecutionDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ExecutionDbContext>());
    }

    /// <summary>Links an EA over a managed DEALER: a valid hello (acknowledged) and its symbols.</summary>
    public async Task<ManagedEa> LinkEaAsync(string eaId, long userId, decimal equity = 10_000m, bool isDefault = true)
    {
        World.Eas[eaId] = ("token-" + eaId, userId, isDefault);
        var ea = await ManagedEa.ConnectAsync(this, eaId, "token-" + eaId, equity);
        (await ea.ReceiveAsync("hello_ack")).GetProperty("ok").GetBoolean().ShouldBeTrue();
        await PublishAsync(Symbols(eaId, Services.GetRequiredService<TimeProvider>().GetUtcNow()));
        return ea;
    }

    public static EaSymbolsReported Symbols(string eaId, DateTimeOffset now) => new(eaId,
        [new SymbolSpec("EURUSD", "EURUSD.m", 5, 0.00001m, 0.00001m, 1m, 100_000m, 0.01m, 0.01m, 100m, 0, "USD", 1)], now);

    public static FireMission Mission(long userId, DateTimeOffset now, FireSource source = FireSource.Http, Side side = Side.Buy, decimal entry = 1.10000m, decimal volume = 0.10m) =>
        new(MissionId.New(now), new UserId(userId), SignalId.New(now), "EURUSD", side, volume, entry,
            side == Side.Buy ? entry - 0.00200m : entry + 0.00200m, side == Side.Buy ? entry + 0.00400m : entry - 0.00400m,
            20m, 80, now.AddMinutes(15), source);

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }

    private static void Register(IServiceCollection services, Assembly assembly)
    {
        foreach (var type in assembly.DefinedTypes.Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition())))
            {
                services.AddTransient(contract, type);
            }
        }
    }
}
