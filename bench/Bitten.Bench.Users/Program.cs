using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitten.Bench.Users;
using Bitten.Contracts.Common;
using Bitten.Contracts.Hosting;
using Bitten.Contracts.Missions;
using Bitten.Modules.Users;
using Bitten.Modules.Users.Accounts;
using Bitten.Modules.Users.Alerts;
using Bitten.Modules.Users.Integration;
using Bitten.Modules.Users.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Usage: dotnet run -c Release --project bench/Bitten.Bench.Users [-- <users> [<output.json>]]
// One signal's MissionsCreated (a batch of N missions) → Users' alert handler → outbox (users.db, WAL) → AlertSender → a fake Bot API on
// loopback that answers 429 beyond 30 messages/s or 1/s per chat. Times queueing and delivery; counts 429s (goal: zero).
var users = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
var output = args.Length > 1 ? args[1] : Path.Combine(FindRepositoryRoot(), "bench", "results", "users-alerts.json");
const int PerSecond = 30;
var loadBefore = LoadAverage();
var directory = Path.Combine(Path.GetTempPath(), $"bitten-bench-users-{Guid.NewGuid():N}");
Directory.CreateDirectory(directory);
await using var telegram = new FakeTelegram(PerSecond, TimeSpan.FromSeconds(1));
await telegram.StartAsync();

var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = directory });
builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Storage:DataDirectory"] = directory,
    ["Telegram:BotToken"] = "1000:BENCH",
    ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
    ["Telegram:Polling"] = "false",
    ["Telegram:MiniAppUrl"] = "https://bitten.example/hud",
    ["Alerts:GlobalPerSecond"] = PerSecond.ToString(CultureInfo.InvariantCulture),
    ["Alerts:SenderEnabled"] = "false", // started after the alerts are queued, so queueing and delivery are timed apart
});
builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
builder.Services.AddSingleton(TimeProvider.System);
builder.AddUsersModule();
await using var app = builder.Build();
using (var scope = app.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<UsersDbContext>();
    db.Database.Migrate();
    db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    db.Users.AddRange(Enumerable.Range(1, users).Select(i => new UserRecord
    {
        TelegramId = 500_000 + i, DisplayName = $"U{i}", Tier = "NIBBLER", ReferralCode = $"B{i}", CreatedAtMs = 1,
    }));
    db.SaveChanges();
}

var now = DateTimeOffset.UtcNow;
var signal = SignalId.New(now);
var batch = Enumerable.Range(1, users).Select(i => new MissionCreated(MissionId.New(now), new UserId(i), signal, "EURUSD", Side.Buy, "BENCH", 1.1m, 1.098m, 1.103m,
    0.25m, 50m, 75m, "USD", 0.65, 0.4, 0.8, true, null, now.AddMinutes(15), now, now)).ToList();
var queueStarted = Stopwatch.GetTimestamp();
await using (var scope = app.Services.CreateAsyncScope())
{
    // One fan-out = one MissionsCreated: the handler writes the whole batch in one transaction.
    var handler = ActivatorUtilities.CreateInstance<TradeAlertHandlers>(scope.ServiceProvider);
    await handler.Handle(new MissionsCreated(signal, batch, now), CancellationToken.None);
}

var queueSeconds = Stopwatch.GetElapsedTime(queueStarted).TotalSeconds;
Console.WriteLine($"queued {users:N0} alerts in {queueSeconds:0.0} s");

// The sender: the module's own AlertSender, started now (the host starts it with the process).
var options = Microsoft.Extensions.Options.Options.Create(new AlertOptions { SenderEnabled = true, GlobalPerSecond = PerSecond });
var sender = ActivatorUtilities.CreateInstance<AlertSender>(app.Services, options);
var sendStarted = Stopwatch.GetTimestamp();
await sender.StartAsync(CancellationToken.None);
while (telegram.Accepted < users)
{
    await Task.Delay(250); // a load driver polling for completion; nothing is asserted on time here
    if (Stopwatch.GetElapsedTime(sendStarted) > TimeSpan.FromMinutes(15))
    {
        throw new TimeoutException($"only {telegram.Accepted} of {users} delivered in 15 minutes");
    }
}

var deliverSeconds = Stopwatch.GetElapsedTime(sendStarted, telegram.LastAcceptedTimestamp).TotalSeconds;
await sender.StopAsync(CancellationToken.None);
int sentRows;
using (var scope = app.Services.CreateScope())
{
    sentRows = await scope.ServiceProvider.GetRequiredService<UsersDbContext>().Alerts.CountAsync(a => a.Status == AlertStatus.Sent);
}

Console.WriteLine($"delivered {telegram.Accepted:N0} in {deliverSeconds:0.0} s ({telegram.Accepted / deliverSeconds:0.0}/s), 429s: {telegram.TooManyRequests}, duplicates: {telegram.DuplicateChats}");
var document = new JsonObject
{
    ["benchmark"] = "users-alerts",
    ["recorded_utc"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
    ["command"] = $"dotnet run -c Release --project bench/Bitten.Bench.Users -- {users}",
    ["what"] = "MissionsCreated (one batch of N missions) for one signal → Users' TradeAlertHandlers → alert_outbox rows (users.db, WAL, one transaction, INSERT … ON CONFLICT DO NOTHING) → the module's AlertSender "
        + "→ a fake Bot API on loopback answering 429 (retry_after 1) beyond 30 sendMessage/s overall or 1/s per chat.",
    ["goal"] = "all delivered at the configured global rate (30/s: 5,000 in ≈ 167 s) with zero 429s",
    ["users"] = users,
    ["configured_per_second"] = PerSecond,
    ["queue_s"] = Math.Round(queueSeconds, 2),
    ["deliver_s"] = Math.Round(deliverSeconds, 1),
    ["ideal_deliver_s"] = Math.Round((users - PerSecond) / (double)PerSecond, 1),
    ["achieved_per_second"] = Math.Round(telegram.Accepted / deliverSeconds, 2),
    ["delivered"] = telegram.Accepted,
    ["marked_sent"] = sentRows,
    ["http_429"] = telegram.TooManyRequests,
    ["duplicate_chats"] = telegram.DuplicateChats,
    ["machine"] = new JsonObject
    {
        ["logical_cores"] = Environment.ProcessorCount,
        ["dotnet"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
        ["note"] = "2 cores shared with other engineers' builds",
        ["load_average_before"] = loadBefore,
        ["load_average_after"] = LoadAverage(),
    },
};
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
Console.WriteLine($"wrote {output}");
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(directory, recursive: true);
return telegram.TooManyRequests == 0 && telegram.DuplicateChats == 0 && sentRows == users ? 0 : 1;

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Bitten.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Bitten.sln not found");
}
