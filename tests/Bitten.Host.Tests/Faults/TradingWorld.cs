using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bitten.Contracts.Common;
using Bitten.Host.Tests.Infrastructure;
using Bitten.Modules.Execution.Fires;
using Bitten.Modules.Execution.Persistence;
using Bitten.Modules.Missions.Lifecycle;
using Bitten.Modules.Missions.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Host.Tests.Faults;

/// <summary>
/// A trader's world for the process-level fault tests: a data folder (copied from a template made once per test run) with
/// one signed-up user and one linked terminal, the host as a child process on it, the terminal as <see cref="FaultEa"/>,
/// missions written into missions.db as the fan-out would, fires over HTTP, states read from the module databases.
/// </summary>
internal sealed class TradingWorld : IAsyncDisposable
{
    public const long TelegramId = 7_007;
    private static readonly SemaphoreSlim SeedGate = new(1, 1);
    private static Seed? _seed;
    private readonly List<FaultEa> _eas = [];

    private TradingWorld(TemporaryDirectory directory, Seed seed)
    {
        Directory = directory;
        Template = seed;
        Host = new FaultHost(directory);
        // The market calendar's weekend would refuse every fire on a Saturday run: this terminal trades at weekends.
        Host.Settings.Add($"--Modules:Execution:WeekendOpenEas:0={seed.EaId}");
    }

    public TemporaryDirectory Directory { get; }

    public FaultHost Host { get; }

    public Seed Template { get; }

    public string EaId => Template.EaId;

    public long UserId => Template.UserId;

    public HttpClient? Client { get; private set; }

    public static async Task<TradingWorld> CreateAsync(string name)
    {
        var seed = await SeedAsync();
        var directory = new TemporaryDirectory(name);
        Copy(seed.DataDirectory, directory.Combine("data"));
        return new TradingWorld(directory, seed);
    }

    /// <summary>Starts (or restarts) the host and signs the trader in.</summary>
    public async Task<HttpClient> StartAsync(params string[] extra)
    {
        Client?.Dispose();
        Client = await Host.StartAsync(extra);
        await Client.SignInAsync(TelegramId, "Trader");
        return Client;
    }

    public async Task<FaultEa> StartEaAsync(string confirm = "auto", string? account = null)
    {
        var ea = await FaultEa.StartAsync(Host, EaId, Template.EaToken, Directory.Combine($"ea-{_eas.Count}.log"), account ?? "login-1", confirm);
        _eas.Add(ea);
        return ea;
    }

    /// <summary>Until the terminal is connected, fresh, has reported EURUSD, and the feed's EURUSD quote has arrived.</summary>
    public Task WaitReadyToFireAsync(TimeSpan timeout) => Wait.UntilAsync(async () =>
    {
        using var eas = JsonDocument.Parse(await Client!.GetStringAsync(new Uri("/api/eas", UriKind.Relative)));
        var ready = eas.RootElement.EnumerateArray().Any(e => e.GetProperty("ea_id").GetString() == EaId && e.GetProperty("connected").GetBoolean()
            && e.GetProperty("online").GetBoolean() && e.GetProperty("symbols").EnumerateArray().Any(s => s.GetProperty("symbol").GetString() == "EURUSD"));
        if (!ready)
        {
            return false;
        }

        using var health = JsonDocument.Parse(await Client.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        return health.RootElement.GetProperty("checks").GetProperty("feed").GetProperty("data").GetProperty("symbols").GetProperty("EURUSD")
            .GetProperty("tick_age_s").ValueKind == JsonValueKind.Number;
    }, timeout, "the terminal is connected with EURUSD and the EURUSD quote is fresh");

    public Task<bool> TerminalConnectedAsync() => TerminalFlagAsync("connected");

    public Task<bool> TerminalOnlineAsync() => TerminalFlagAsync("online");

    private async Task<bool> TerminalFlagAsync(string flag)
    {
        using var eas = JsonDocument.Parse(await Client!.GetStringAsync(new Uri("/api/eas", UriKind.Relative)));
        return eas.RootElement.EnumerateArray().Any(e => e.GetProperty("ea_id").GetString() == EaId && e.GetProperty(flag).GetBoolean());
    }

    /// <summary>A pending EURUSD BUY mission for the trader, stored as the fan-out stores one (the host reads it on fire).</summary>
    public async Task<string> AddMissionAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var id = MissionId.New(now).Value;
        await using var db = new MissionsDbContext(SchemaSnapshot.Options<MissionsDbContext>(Path.Combine(Host.DataDirectory, "missions.db")));
        db.Missions.Add(new MissionRecord
        {
            Id = id, UserId = UserId, SignalId = SignalId.New(now).Value, Status = (int)MissionStatus.Pending, CreatedAtMs = now.ToUnixTimeMilliseconds(),
            ExpiresAtMs = now.AddMinutes(30).ToUnixTimeMilliseconds(), UpdatedAtMs = now.ToUnixTimeMilliseconds(), Symbol = "EURUSD", Side = (int)Side.Buy,
            Pattern = "FAULT_TEST", Timeframe = 5, Entry = 1.10002m, StopLoss = 1.09802m, TakeProfit = 1.10402m, StopPips = 20m, TargetPips = 40m, RiskReward = 2,
            Confidence = 96, ShieldScore = 9, ShieldClass = 1, ShieldMultiplier = 1m, WinProbability = 0.6, ExpectedValueR = 0.8, Session = 2, SignalClass = "PRECISION",
            SignalCreatedAtMs = now.ToUnixTimeMilliseconds(), Volume = 0.10m, RiskMoney = 20m, RewardMoney = 40m, RiskPercent = 0.2m, Balance = 10_000m,
            AccountCurrency = "USD", ValueSource = "broker", Fireable = true, AnnouncedAtMs = now.ToUnixTimeMilliseconds(),
        });
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>POST /api/missions/{id}/fire: (status, fire_id or null, refusal or null, body).</summary>
    public async Task<(HttpStatusCode Status, string? FireId, string? Refusal, string Body)> FireAsync(string missionId)
    {
        using var response = await Client!.PostAsync(new Uri($"/api/missions/{missionId}/fire", UriKind.Relative), null);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return (response.StatusCode,
            root.TryGetProperty("fire_id", out var f) ? f.GetString() : null,
            root.TryGetProperty("refusal", out var r) ? r.GetString() : null,
            body);
    }

    public async Task<string> FireAcceptedAsync(string missionId)
    {
        var (status, fireId, _, body) = await FireAsync(missionId);
        status.ShouldBe(HttpStatusCode.Accepted, body);
        return fireId.ShouldNotBeNull();
    }

    public async Task<List<FireRecord>> FiresAsync()
    {
        await using var db = new ExecutionDbContext(SchemaSnapshot.Options<ExecutionDbContext>(Path.Combine(Host.DataDirectory, "execution.db")));
        return await db.Fires.AsNoTracking().Where(f => f.UserId == UserId).OrderBy(f => f.CreatedAtMs).ToListAsync();
    }

    public async Task<FireStatus?> FireStatusAsync(string fireId) => (await FiresAsync()).FirstOrDefault(f => f.FireId == fireId)?.Status;

    public async Task<List<FireEventRecord>> TimelineAsync(string fireId)
    {
        await using var db = new ExecutionDbContext(SchemaSnapshot.Options<ExecutionDbContext>(Path.Combine(Host.DataDirectory, "execution.db")));
        return await db.FireEvents.AsNoTracking().Where(e => e.FireId == fireId).OrderBy(e => e.Id).ToListAsync();
    }

    public async Task<MissionRecord> MissionAsync(string missionId)
    {
        await using var db = new MissionsDbContext(SchemaSnapshot.Options<MissionsDbContext>(Path.Combine(Host.DataDirectory, "missions.db")));
        return await db.Missions.AsNoTracking().SingleAsync(m => m.Id == missionId);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var ea in _eas)
        {
            await ea.DisposeAsync();
        }

        Client?.Dispose();
        await Host.DisposeAsync();
        Directory.Dispose();
    }

    /// <summary>The template: a host run once signs the trader up and links a terminal; each test copies its data folder.</summary>
    private static async Task<Seed> SeedAsync()
    {
        await SeedGate.WaitAsync();
        try
        {
            if (_seed is not null)
            {
                return _seed;
            }

            var directory = new TemporaryDirectory("bitten-faults-seed"); // kept for the test run: every world copies it
            await using var host = new FaultHost(directory);
            using var client = await host.StartAsync();
            await client.SignInAsync(TelegramId, "Trader");
            using var me = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/me", UriKind.Relative)));
            var userId = me.RootElement.GetProperty("user_id").GetInt64();
            using var link = await client.PostAsJsonAsync(new Uri("/api/me/eas", UriKind.Relative), new { label = "fault terminal" });
            var linked = await link.Content.ReadAsStringAsync();
            link.StatusCode.ShouldBe(HttpStatusCode.OK, linked);
            using var credentials = JsonDocument.Parse(linked);
            await host.StopAsync();
            _seed = new Seed(directory.Combine("data"), credentials.RootElement.GetProperty("ea_id").GetString()!,
                credentials.RootElement.GetProperty("ea_token").GetString()!, userId);
            return _seed;
        }
        finally
        {
            SeedGate.Release();
        }
    }

    private static void Copy(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (var file in System.IO.Directory.GetFiles(from))
        {
            if (!file.EndsWith(DataDirectoryLockName, StringComparison.Ordinal))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }
        }

        foreach (var folder in System.IO.Directory.GetDirectories(from))
        {
            Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }

    private const string DataDirectoryLockName = "bitten.lock";

    public sealed record Seed(string DataDirectory, string EaId, string EaToken, long UserId);
}
