using System.Diagnostics;
using System.Globalization;
using Bitten.Contracts.Common;
using Bitten.Modules.Execution.Fires;
using Xunit.Abstractions;

namespace Bitten.Host.Tests.Faults;

/// <summary>
/// Fault: the host process is killed (SIGKILL, no shutdown code runs) with a fire in flight, and started again on the same
/// data and ports. The terminal (a real libzmq EA process) stays up and records every fire_id it receives. After the
/// restart: the EA is back (hello accepted), no fire is lost, none is delivered twice, fire and mission agree.
/// </summary>
public sealed class HostKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>How long the EA may take to be accepted again after the restarted host listens (the bench run sets 5 s).</summary>
    private static readonly TimeSpan ReconnectLimit = TimeSpan.FromSeconds(double.Parse(
        Environment.GetEnvironmentVariable("BITTEN_FAULT_RECONNECT_LIMIT_S") ?? "20", CultureInfo.InvariantCulture));

    private TradingWorld _world = null!;

    public async Task InitializeAsync() => _world = await TradingWorld.CreateAsync("bitten-kill");

    [LibzmqFact]
    public async Task KilledBetweenQueuingAndSending_SendsTheFireExactlyOnceAfterRestart()
    {
        // The test-only hold keeps the router from sending: the kill lands after the fire's commit and before any send.
        await _world.StartAsync("--Modules:Execution:HoldOutbox=true");
        var ea = await _world.StartEaAsync();
        await _world.WaitReadyToFireAsync(Timeout);
        var mission = await _world.AddMissionAsync();
        var fireId = await _world.FireAcceptedAsync(mission);
        (await _world.FireStatusAsync(fireId)).ShouldBe(FireStatus.Queued);

        await _world.Host.KillAsync();
        ea.FireLines.ShouldBeEmpty("nothing was sent before the kill");
        (await _world.MissionAsync(mission)).Status.ShouldBe((int)MissionStatus.Firing);

        var acks = ea.HelloAcks(ok: true);
        await _world.StartAsync();
        var reconnect = Stopwatch.StartNew();
        await ea.WaitForHelloAckAsync(acks, ReconnectLimit);
        output.WriteLine($"EA accepted again {reconnect.ElapsedMilliseconds} ms after the restarted host listened");

        await Wait.UntilAsync(async () => await _world.FireStatusAsync(fireId) == FireStatus.Filled, Timeout, "the queued fire was sent and filled");
        await Wait.UntilAsync(async () => (await _world.MissionAsync(mission)).Status == (int)MissionStatus.Filled, Timeout, "the mission is FILLED");
        ea.FireLines.ShouldBe([$"fire {fireId}"], "the fire reached the terminal exactly once");
        (await _world.FiresAsync()).ShouldHaveSingleItem().FireId.ShouldBe(fireId, "one fire for one mission");
        (await _world.MissionAsync(mission)).FireId.ShouldBe(fireId);
        (await _world.TimelineAsync(fireId)).Select(e => e.Status).ShouldBe([FireStatus.Queued, FireStatus.Sent, FireStatus.Filled]);
    }

    [LibzmqFact]
    public async Task KilledBetweenSendingAndConfirmation_SettlesTheFireWithoutSendingItAgain()
    {
        await _world.StartAsync();
        var ea = await _world.StartEaAsync(confirm: "hold"); // the terminal executes, the host dies before it hears back
        await _world.WaitReadyToFireAsync(Timeout);
        var mission = await _world.AddMissionAsync();
        var fireId = await _world.FireAcceptedAsync(mission);
        await Wait.UntilAsync(() => ea.FireLines.Count == 1, Timeout, "the terminal received the fire");
        await Wait.UntilAsync(async () => await _world.FireStatusAsync(fireId) == FireStatus.Sent, Timeout, "the fire is SENT");

        await _world.Host.KillAsync();
        await ea.ConfirmHeldAsync(); // the order is filled while the host is down: its confirmation waits in the EA's socket

        var acks = ea.HelloAcks(ok: true);
        await _world.StartAsync();
        var reconnect = Stopwatch.StartNew();
        await ea.WaitForHelloAckAsync(acks, ReconnectLimit);
        output.WriteLine($"EA accepted again {reconnect.ElapsedMilliseconds} ms after the restarted host listened");

        // The confirmation (or, if it arrived before the EA's hello and was dropped, the heartbeat's position) settles it.
        await Wait.UntilAsync(async () => await _world.FireStatusAsync(fireId) == FireStatus.Filled, Timeout, "the sent fire was settled as FILLED");
        await Wait.UntilAsync(async () => (await _world.MissionAsync(mission)).Status == (int)MissionStatus.Filled, Timeout, "the mission is FILLED");
        var fire = (await _world.FiresAsync()).ShouldHaveSingleItem();
        fire.Position.ShouldNotBeNull();
        ea.FireLines.ShouldBe([$"fire {fireId}"], "a SENT fire is never sent again after a restart");

        // And the restarted host trades normally.
        var next = await _world.FireAcceptedAsync(await _world.AddMissionAsync());
        await Wait.UntilAsync(() => ea.FireLines.Count == 2, Timeout, "the next fire reached the terminal");
        ea.FireLines.ShouldBe([$"fire {fireId}", $"fire {next}"]);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();
}
