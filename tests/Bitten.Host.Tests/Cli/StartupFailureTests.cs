using Bitten.Host.Cli;
using Bitten.Host.Composition;
using Bitten.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bitten.Host.Tests.Cli;

[Collection(InProcessHostBuilds.Name)]
public sealed class StartupFailureTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new("bitten-cli");

    private string[] Args(params string[] extra) =>
    [
        .. extra,
        $"--Storage:DataDirectory={_directory.Combine("data")}",
        $"--Storage:BackupDirectory={_directory.Combine("backups")}",
        $"--Logging:Directory={_directory.Combine("logs")}",
        "--Zmq:CommandPort=0",
        "--Zmq:FeedPort=0",
        "--Zmq:SignalPort=0",
        "--Zmq:ReportPort=0",
        "--Zmq:MarketPort=0",
    ];

    [Theory]
    [InlineData("--Storage:BackupRetentionDays=-1", "Storage:BackupRetentionDays must be between 1 and 3650")]
    [InlineData("--Storage:BackupCron=every night", "Storage:BackupCron 'every night' is not a valid Quartz cron expression")]
    [InlineData("--Urls=http://127.0.0.1:abc", "Urls: 'http://127.0.0.1:abc' has no valid port")]
    [InlineData("--Urls=http://127.0.0.1:70000", "has no valid port")]
    public void Validate_WhenASettingBreaksARule_FailsNamingTheKeyAndTheRule(string setting, string message)
    {
        using var app = BittenApplication.Build(Args(setting));

        var failure = Should.Throw<OptionsValidationException>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        failure.Failures.ShouldContain(f => f.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_WhenANumberIsNotANumber_NamesTheKey()
    {
        using var app = BittenApplication.Build(Args("--Storage:BackupRetentionDays=seven"));

        var failure = Should.Throw<InvalidOperationException>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        failure.Message.ShouldContain("Storage:BackupRetentionDays");
    }

    [Fact]
    public async Task Migrate_WhenADatabaseFileIsNotSqlite_ExitsNonZeroAndLeavesTheFileUntouched()
    {
        Directory.CreateDirectory(_directory.Combine("data"));
        var impostor = _directory.Combine("data", "missions.db");
        var content = "this is a spreadsheet, not a database\n"u8.ToArray();
        await File.WriteAllBytesAsync(impostor, content);

        var exit = await HostEntryPoint.RunAsync(Args("migrate"));

        exit.ShouldBe(HostEntryPoint.ExitDatabase);
        (await File.ReadAllBytesAsync(impostor)).ShouldBe(content);
        File.Exists(_directory.Combine("data", "signals.db")).ShouldBeFalse("no database is touched when one file is bad");
    }

    [Fact]
    public async Task Migrate_WhenADatabaseFileIsCorrupt_ExitsNonZero()
    {
        Directory.CreateDirectory(_directory.Combine("data"));
        (await HostEntryPoint.RunAsync(Args("migrate"))).ShouldBe(HostEntryPoint.ExitOk);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var file = _directory.Combine("data", "users.db");
        var bytes = await File.ReadAllBytesAsync(file);
        for (var i = 100; i < bytes.Length; i++)
        {
            bytes[i] = 0xA5; // keep the header, scramble every page
        }

        await File.WriteAllBytesAsync(file, bytes);

        (await HostEntryPoint.RunAsync(Args("migrate"))).ShouldBe(HostEntryPoint.ExitDatabase);
        (await File.ReadAllBytesAsync(file)).ShouldBe(bytes);
    }

    [Fact]
    public void Parse_WhenVerbs_AreRecognisedAndOptionsPassThrough()
    {
        Verbs.Parse([]).Verb.ShouldBe(Verb.Run);
        Verbs.Parse(["--Urls=http://127.0.0.1:1"]).Verb.ShouldBe(Verb.Run);
        Verbs.Parse(["migrate", "--X=1"]).ShouldSatisfyAllConditions(
            p => p.Verb.ShouldBe(Verb.Migrate),
            p => p.Arguments.ShouldBe(["--X=1"]));
        Verbs.Parse(["backup"]).Verb.ShouldBe(Verb.Backup);
        Verbs.Parse(["--help"]).Verb.ShouldBe(Verb.Help);
        Verbs.Parse(["launch-missiles"]).Verb.ShouldBe(Verb.Unknown);
    }

    public void Dispose() => _directory.Dispose();
}
