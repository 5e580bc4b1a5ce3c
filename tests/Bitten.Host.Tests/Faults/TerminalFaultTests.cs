using System.Diagnostics;
using System.Globalization;
using System.Net;
using Bitten.Contracts.Common;
using Bitten.Modules.Execution.Fires;
using Xunit.Abstractions;

namespace Bitten.Host.Tests.Faults;

/// <summary>
/// Faults on the terminal's side, against the real host process and real libzmq EAs: a connection cut (fires refused at
/// once with the reason, nothing queued, trading resumes after the reconnect), and a second terminal with the same ea_id
/// (refused while the first is live, never given a fire).
/// </summary>
public sealed class TerminalFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The cut's length and the staleness limit: short by default; <c>bench/faults/run.sh</c> runs the real 60 s against the default 30 s.</summary>
    private static readonly TimeSpan Cut = TimeSpan.FromSeconds(Seconds("BITTEN_FAULT_CUT_SECONDS", 4));
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(Seconds("BITTEN_FAULT_STALE_AFTER_SECONDS", 2));
    private static readonly TimeSpan FireEvery = TimeSpan.FromSeconds(Seconds("BITTEN_FAULT_FIRE_EVERY_SECONDS", 1));

    private TradingWorld _world = null!;

    public async Task InitializeAsync() => _world = await TradingWorld.CreateAsync("bitten-terminal");

    [LibzmqFact]
    public async Task ConnectionCut_RefusesFiresAtOnceWithTheReason_QueuesNothing_AndTradingResumesAfterReconnect()
    {
        await _world.StartAsync(string.Create(CultureInfo.InvariantCulture, $"--Modules:Execution:StaleAfter={StaleAfter:c}"));
        var ea = await _world.StartEaAsync();
        await _world.WaitReadyToFireAsync(Timeout);
        var before = await _world.FireAcceptedAsync(await _world.AddMissionAsync());
        await Wait.UntilAsync(async () => await _world.FireStatusAsync(before) == FireStatus.Filled, Timeout, "the fire before the cut filled");

        await ea.CutAsync();
        var cut = Stopwatch.StartNew();
        await Wait.UntilAsync(async () => !await _world.TerminalConnectedAsync(), Timeout, "the host noticed the closed connection");

        var refused = 0;
        var sawStale = false;
        while (cut.Elapsed < Cut || !sawStale)
        {
            var mission = await _world.AddMissionAsync();
            var (status, fireId, refusal, body) = await _world.FireAsync(mission);
            status.ShouldBe(HttpStatusCode.UnprocessableEntity, body);
            refusal.ShouldBe("TerminalOffline", body);
            body.ShouldContain("terminal offline");
            fireId.ShouldBeNull();
            (await _world.MissionAsync(mission)).Status.ShouldBe((int)MissionStatus.Pending, "a refused mission can be fired again later");
            refused++;
            sawStale |= !await _world.TerminalOnlineAsync();
            var next = FireEvery * refused;
            await Wait.UntilAsync(() => cut.Elapsed >= next, Cut + Timeout, "the next attempt is due");
        }

        output.WriteLine($"{refused} fires refused during a {cut.Elapsed.TotalSeconds:0.#} s cut (stale after {StaleAfter.TotalSeconds:0.#} s)");
        (await _world.FiresAsync()).Select(f => f.FireId).ShouldBe([before], "nothing was queued during the cut");

        var acks = ea.HelloAcks(ok: true);
        await ea.ResumeAsync();
        await ea.WaitForHelloAckAsync(acks, Timeout);
        await _world.WaitReadyToFireAsync(Timeout);
        var after = await _world.FireAcceptedAsync(await _world.AddMissionAsync());
        await Wait.UntilAsync(async () => await _world.FireStatusAsync(after) == FireStatus.Filled, Timeout, "the fire after the reconnect filled");
        ea.FireLines.ShouldBe([$"fire {before}", $"fire {after}"]);
    }

    [LibzmqFact]
    public async Task SecondTerminalWithTheSameEaId_IsRefusedWhileTheFirstIsLive_AndNeverGetsAFire()
    {
        await _world.StartAsync();
        var first = await _world.StartEaAsync(account: "login-1");
        await _world.WaitReadyToFireAsync(Timeout);

        var second = await _world.StartEaAsync(account: "login-2"); // same ea_id and token, another account
        await Wait.UntilAsync(() => second.HelloAcks(ok: false) > 0, Timeout, "the second terminal's hello was answered");
        second.LastHelloAck!.Value.GetProperty("error").GetString().ShouldBe("ea_id already connected from another terminal");
        second.HelloAcks(ok: true).ShouldBe(0);

        // While both are up a fire goes to the first terminal or is refused (terminal offline); never to the second.
        var (status, fireId, refusal, body) = await _world.FireAsync(await _world.AddMissionAsync());
        if (status == HttpStatusCode.Accepted)
        {
            await Wait.UntilAsync(async () => await _world.FireStatusAsync(fireId!) is FireStatus.Filled or FireStatus.Failed, Timeout, "the fire was settled");
        }
        else
        {
            refusal.ShouldBe("TerminalOffline", body);
        }

        await second.DisposeAsync(); // the duplicate terminal goes away
        second.FireLines.ShouldBeEmpty("the refused terminal never received a fire");
        await _world.WaitReadyToFireAsync(Timeout);
        var after = await _world.FireAcceptedAsync(await _world.AddMissionAsync());
        await Wait.UntilAsync(() => first.FireLines.Contains($"fire {after}"), Timeout, "the first terminal received the next fire");
        second.FireLines.ShouldBeEmpty();
    }

    private static double Seconds(string variable, double fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public async Task DisposeAsync() => await _world.DisposeAsync();
}
