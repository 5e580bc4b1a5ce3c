using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bitten.Contracts.Hosting;
using Bitten.Modules.Users.Persistence;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Users.Tests.Support;

/// <summary>
/// A minimal web host with only the Users module, on its own temporary SQLite file and a manual clock:
/// the pipeline the host is expected to build (authentication, authorization, rate limiter, endpoints).
/// Kestrel on 127.0.0.1:0 when started; services usable without starting.
/// </summary>
public sealed class UsersTestHost : IAsyncDisposable
{
    public const string BotToken = "7000001:TEST_bot_token-for-users-tests";

    private readonly TemporaryDirectory? _ownDirectory;
    private HttpClient? _http;

    private UsersTestHost(Dictionary<string, string?> settings, string? dataDirectory, ManualTimeProvider? clock)
    {
        _ownDirectory = dataDirectory is null ? new TemporaryDirectory("users-host") : null;
        DataDirectory = dataDirectory ?? _ownDirectory!.Path;
        Clock = clock ?? new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = DataDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("USERS_TEST_LOGS") == "1")
        {
            builder.Logging.AddSimpleConsole();
        }

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["Telegram:BotToken"] = BotToken,
            ["Alerts:SenderEnabled"] = "false",
            ["Telegram:Polling"] = "false",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        builder.AddUsersModule();
        AddMediator(builder.Services);
        App = builder.Build();
        App.UseAuthentication();
        App.UseAuthorization();
        App.UseRateLimiter();
        App.MapUsersEndpoints();
        App.MapGet("/test/admin", () => "welcome, admin").RequireAuthorization("admin");
        App.MapPost("/api/test/{id}/fire", () => Results.Accepted()).RequireAuthorization("user"); // stands in for another module's trading action
        using var scope = App.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<UsersDbContext>().Database.Migrate();
    }

    public ManualTimeProvider Clock { get; }

    public string DataDirectory { get; }

    public WebApplication App { get; }

    public HttpClient Http => _http ?? throw new InvalidOperationException("Start the host first.");

    public static UsersTestHost Create(params (string Key, string? Value)[] settings) =>
        new(Settings(settings), null, null);

    /// <summary>A host on an existing data folder and clock (a restart of an earlier host).</summary>
    public static UsersTestHost CreateIn(string dataDirectory, ManualTimeProvider clock, params (string Key, string? Value)[] settings) =>
        new(Settings(settings), dataDirectory, clock);

    public static Task<UsersTestHost> StartAsync(params (string Key, string? Value)[] settings) => StartAsync(Create(settings));

    public static async Task<UsersTestHost> StartAsync(UsersTestHost host)
    {
        await host.App.StartAsync();
        host._http = new HttpClient { BaseAddress = new Uri(host.App.Urls.Single()) };
        return host;
    }

    /// <summary>Runs <paramref name="work"/> with a service from a fresh DI scope (as a request or a handler would).</summary>
    public async Task<TResult> InScopeAsync<TService, TResult>(Func<TService, Task<TResult>> work)
        where TService : notnull
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<TResult> InScopeAsync<TResult>(Func<IServiceProvider, Task<TResult>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, object body) => Http.PostAsJsonAsync(path, body);

    public async Task<string> SignInAsync(long telegramId, string? startParam = null)
    {
        var initData = InitDataSigner.Sign(BotToken, Clock.GetUtcNow().ToUnixTimeSeconds(), telegramId, "Tester", startParam);
        using var response = await PostJsonAsync("/api/auth/telegram", new { init_data = initData });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>MediatR as the host wires it, with the Users module's handlers only (other modules are absent here).</summary>
    private static void AddMediator(IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();
        var handlerTypes = new[] { typeof(IRequestHandler<,>), typeof(IRequestHandler<>), typeof(INotificationHandler<>) };
        foreach (var type in typeof(UsersModule).Assembly.DefinedTypes.Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && handlerTypes.Contains(i.GetGenericTypeDefinition())))
            {
                services.AddTransient(contract, type);
            }
        }
    }

    private static Dictionary<string, string?> Settings((string Key, string? Value)[] settings)
    {
        var map = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings)
        {
            map[key] = value; // last one wins, as in layered configuration
        }

        return map;
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        await App.DisposeAsync();
        _ownDirectory?.Dispose();
    }
}
