using System.Text;
using System.Text.Json;
using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Modules.Execution.Api;
using Bitten.Modules.Execution.Fires;
using Bitten.Modules.Execution.Persistence;
using Bitten.Modules.Execution.Tests.Harness;
using Bitten.Modules.Execution.Wire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Execution.Tests.Fires;

/// <summary>
/// The confirmation deadline (SENT → UNCONFIRMED) against the confirmation itself, and the router's two send paths (the
/// fast path at commit, the outbox drain) against each other: whichever runs first, a confirmed fire ends FILLED, and
/// every fire reaches its terminal exactly once.
/// </summary>
public sealed class ConfirmationRaceTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly TemporaryDirectory _directory = new("execution-confirm-race");
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 1, 6, 12, 0, 0, TimeSpan.Zero)); // a Tuesday
    private ExecutionHost _host = null!;
    private ManagedEa _ea = null!;

    public async Task InitializeAsync()
    {
        _host = await ExecutionHost.StartAsync(_directory.Path, _time);
        _host.World.AddUser(1, maxOpenFires: 100);
        _host.World.Quote("EURUSD", 1.09998m, 1.10000m);
        _ea = await _host.LinkEaAsync("ea-race", 1);
    }

    public async Task DisposeAsync()
    {
        await _ea.DisposeAsync();
        await _host.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task TimeoutDecision_TakenBeforeTheConfirmationFilledTheFire_WritesNothing()
    {
        var fireId = await FireSentAsync();
        await using var scope = _host.Services.CreateAsyncScope();
        var sweepDb = scope.ServiceProvider.GetRequiredService<ExecutionDbContext>();
        var stale = await sweepDb.Fires.SingleAsync(f => f.FireId == fireId); // the sweep read it as SENT and judged it late...

        await Ingest(Confirmation(fireId, 101)); // ...then the confirmation filled it
        var moved = await FireLifecycle.TryMoveAsync(sweepDb, stale, [FireStatus.Sent], FireStatus.Unconfirmed, "late", (_, _) => { },
            _time.GetUtcNow().ToUnixTimeMilliseconds(), CancellationToken.None);

        moved.ShouldBeNull("the compare-and-set on the status read lost: the fire is no longer SENT");
        (await StatusAsync(fireId)).ShouldBe(FireStatus.Filled);
        (await TimelineAsync(fireId)).ShouldBe([FireStatus.Queued, FireStatus.Sent, FireStatus.Filled]);
        _host.Facts.Of<FireFailed>().ShouldBeEmpty();
    }

    [Fact]
    public async Task Confirmation_AfterTheDeadline_FillsTheUnconfirmedFireAndTheFillIsAnnounced()
    {
        var fireId = await FireSentAsync();
        _time.Advance(TimeSpan.FromSeconds(11));
        await Wait.UntilAsync(async () => await StatusAsync(fireId) == FireStatus.Unconfirmed, Timeout, "the deadline marked the fire UNCONFIRMED");

        await Ingest(Confirmation(fireId, 102));

        (await StatusAsync(fireId)).ShouldBe(FireStatus.Filled);
        (await TimelineAsync(fireId)).ShouldBe([FireStatus.Queued, FireStatus.Sent, FireStatus.Unconfirmed, FireStatus.Filled]);
        _host.Facts.Of<FireFilled>().ShouldHaveSingleItem().FireId.Value.ShouldBe(fireId);
    }

    [Fact]
    public async Task DeadlineSweepAndConfirmations_Racing_EveryConfirmedFireEndsFilledOnce()
    {
        var fires = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            fires.Add(await FireSentAsync());
        }

        var lifecycle = _host.Services.GetRequiredService<FireLifecycle>();
        var sweep = Task.Run(async () =>
        {
            foreach (var id in fires)
            {
                await lifecycle.FailAsync(id, [FireStatus.Sent], FireStatus.Unconfirmed, "late", null, CancellationToken.None);
            }
        });
        var position = 200L;
        var confirmations = Task.Run(async () =>
        {
            foreach (var chunk in fires.Chunk(7))
            {
                await Ingest([.. chunk.Select(id => Confirmation(id, position++))]);
            }
        });
        await Task.WhenAll(sweep, confirmations);

        var stored = await _host.DbAsync(db => db.Fires.AsNoTracking().ToListAsync());
        stored.ShouldAllBe(f => f.Status == FireStatus.Filled, "a confirmation fills a fire whether or not the deadline got there first");
        var filledEvents = await _host.DbAsync(db => db.FireEvents.Where(e => e.Status == FireStatus.Filled).Select(e => e.FireId).ToListAsync());
        filledEvents.ShouldBe(fires, ignoreOrder: true);
        _host.Facts.Of<FireFilled>().Select(f => f.FireId.Value).ShouldBe(fires, ignoreOrder: true);
    }

    [Fact]
    public async Task FastPathAndDrain_BothRunning_SendEveryFireExactlyOnce()
    {
        var queue = _host.Services.GetRequiredService<RouterQueue>();
        var accepted = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => Task.Run(async () =>
        {
            queue.WakeOutbox(); // the drain runs again and again while fires are handed to the fast path
            var fireId = (await _host.SendAsync(ExecutionHost.Mission(1, _time.GetUtcNow()))).FireId!.Value.Value;
            queue.WakeOutbox();
            return fireId;
        })));
        await Wait.UntilAsync(async () => (await _host.DbAsync(db => db.Fires.CountAsync(f => f.Status == FireStatus.Sent))) == accepted.Length, Timeout, "every fire is SENT");

        var received = await FiresUntilMarkerAsync(queue);

        received.ShouldBe(accepted, ignoreOrder: true, "each fire once: none twice, none lost");
        (await _host.DbAsync(db => db.Outbox.CountAsync(o => o.DoneAtMs == null))).ShouldBe(0);
    }

    [Fact]
    public async Task Drain_OfAFireThisProcessSentButWhoseSentStateWasNotStored_StoresItWithoutSendingAgain()
    {
        var fireId = await FireSentAsync();
        (await FiresUntilMarkerAsync(_host.Services.GetRequiredService<RouterQueue>())).ShouldBe([fireId]);
        await _host.DbAsync(async db => // as if the SENT commit after the send had failed: QUEUED with an open outbox row
        {
            await db.Fires.Where(f => f.FireId == fireId).ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, FireStatus.Queued));
            return await db.Outbox.Where(o => o.FireId == fireId).ExecuteUpdateAsync(s => s.SetProperty(o => o.DoneAtMs, (long?)null));
        });

        var queue = _host.Services.GetRequiredService<RouterQueue>();
        queue.WakeOutbox();
        await Wait.UntilAsync(async () => await StatusAsync(fireId) == FireStatus.Sent, Timeout, "the drain stored the fire as SENT");

        (await FiresUntilMarkerAsync(queue)).ShouldBeEmpty("the fire is on the wire already: it is not sent twice");
    }

    [Fact]
    public async Task GetMissionFires_ForFiredAndUnfiredMissions_AnswersTheFiresWithTheirMissionState()
    {
        var mission = ExecutionHost.Mission(1, _time.GetUtcNow());
        var fireId = (await _host.SendAsync(mission)).FireId!.Value.Value;
        await Wait.UntilAsync(async () => await StatusAsync(fireId) == FireStatus.Sent, Timeout, "the fire is SENT");
        await Ingest(Confirmation(fireId, 103));

        var answer = await _host.SendAsync(new GetMissionFires([mission.MissionId, MissionId.New(_time.GetUtcNow())]));

        var fire = answer.ShouldHaveSingleItem();
        (fire.MissionId, fire.FireId.Value, fire.MissionStatus, fire.FillPrice).ShouldBe((mission.MissionId, fireId, MissionStatus.Filled, 1.10001m));
        GetMissionFiresHandler.ToMissionFire(new FireRecord { FireId = fireId, MissionId = mission.MissionId.Value, Status = FireStatus.Queued })
            .MissionStatus.ShouldBe(MissionStatus.Firing, "a queued fire is still on its way");
    }

    private async Task<string> FireSentAsync()
    {
        var fireId = (await _host.SendAsync(ExecutionHost.Mission(1, _time.GetUtcNow()))).FireId!.Value.Value;
        await Wait.UntilAsync(async () => await StatusAsync(fireId) == FireStatus.Sent, Timeout, "the fire is SENT");
        return fireId;
    }

    /// <summary>Every fire the EA received until a marker the router sends after every pass already begun has finished.</summary>
    private async Task<List<string>> FiresUntilMarkerAsync(RouterQueue queue)
    {
        var fires = new List<string>();
        foreach (var marker in new[] { "marker-1", "marker-2" })
        {
            queue.WakeOutbox();
            queue.Send(_ea.EaId, JsonSerializer.SerializeToUtf8Bytes(new { type = marker })).ShouldBeTrue();
            using var cts = new CancellationTokenSource(Timeout);
            while (true)
            {
                using var message = await _ea.Dealer.ReceiveAsync(cts.Token);
                var json = JsonDocument.Parse(message.GetFrameMemory(message.FrameCount - 1)).RootElement;
                var type = json.GetProperty("type").GetString();
                if (type == "fire")
                {
                    fires.Add(json.GetProperty("fire_id").GetString()!);
                }
                else if (type == marker)
                {
                    break;
                }
            }
        }

        return fires;
    }

    private Task Ingest(params ReadOnlyMemory<byte>[] reports) =>
        _host.Services.GetRequiredService<ReportIngestService>().HandleBatchAsync(reports, CancellationToken.None);

    private ReadOnlyMemory<byte> Confirmation(string fireId, long position) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        type = "confirmation", ea_id = _ea.EaId, ea_token = _ea.Token, fire_id = fireId, status = "filled", retcode = 10009, position, price = 1.10001m, volume = 0.1m,
    }));

    private Task<FireStatus> StatusAsync(string fireId) => _host.DbAsync(db => db.Fires.AsNoTracking().Where(f => f.FireId == fireId).Select(f => f.Status).SingleAsync());

    private Task<List<FireStatus>> TimelineAsync(string fireId) =>
        _host.DbAsync(db => db.FireEvents.AsNoTracking().Where(e => e.FireId == fireId).OrderBy(e => e.Id).Select(e => e.Status).ToListAsync());
}
