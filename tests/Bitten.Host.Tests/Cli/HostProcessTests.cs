using Bitten.Host.Tests.Infrastructure;

namespace Bitten.Host.Tests.Cli;

/// <summary>The host as an operator runs it: a real process, real port, real signals.</summary>
public sealed class HostProcessTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new("bitten-proc");

    private string[] Args(params string[] extra) =>
    [
        .. extra,
        "--Urls=http://127.0.0.1:0",
        $"--Storage:DataDirectory={_directory.Combine("data")}",
        $"--Storage:BackupDirectory={_directory.Combine("backups")}",
        $"--Logging:Directory={_directory.Combine("logs")}",
        "--Zmq:CommandPort=0",
        "--Zmq:FeedPort=0",
        "--Zmq:SignalPort=0",
        "--Zmq:ReportPort=0",
        "--Zmq:MarketPort=0",
        "--Simulator:WarmUp=00:00:00", // the demo's warm-up is not what these tests are about
    ];

    [Fact]
    public async Task Run_WhenInterrupted_StopsCleanlyWithExitCodeZero()
    {
        await using var host = HostProcess.Start(_directory.Path, Args());
        await Wait.UntilAsync(() => host.StandardOutput.Contains("listening on http://127.0.0.1:", StringComparison.Ordinal) || host.HasExited,
            TimeSpan.FromSeconds(60), "the host reports it is listening");
        host.HasExited.ShouldBeFalse(host.StandardError);
        host.StandardOutput.ShouldContain("Signals module started");
        host.StandardOutput.ShouldContain("Gamification module started");

        host.Interrupt();

        (await host.WaitForExitAsync(TimeSpan.FromSeconds(10))).ShouldBe(0);
        Directory.GetFiles(_directory.Combine("data"), "*.db").Length.ShouldBe(5);
        Directory.GetFiles(_directory.Combine("logs"), "bitten-*.json").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Run_WhenConfigurationIsBad_PrintsTheKeyAndExitsNonZero()
    {
        await using var host = HostProcess.Start(_directory.Path, Args("--Storage:BackupRetentionDays=-1"));

        var exit = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        exit.ShouldBe(78);
        host.StandardError.ShouldContain("Storage:BackupRetentionDays must be between 1 and 3650");
        Directory.Exists(_directory.Combine("data")).ShouldBeFalse("nothing is created when the configuration is rejected");
    }

    [Fact]
    public async Task Help_WhenAsked_ListsTheVerbs()
    {
        await using var host = HostProcess.Start(_directory.Path, "--help");

        (await host.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBe(0);
        host.StandardOutput.ShouldContain("migrate");
        host.StandardOutput.ShouldContain("backup");
    }

    public void Dispose() => _directory.Dispose();
}
