using Bitten.Modules.Execution.Fires;
using Bitten.Modules.Execution.Persistence;
using Bitten.Modules.Execution.Registry;
using Bitten.Zmq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Execution.Wire;

/// <summary>
/// Sending fires: the fast path for fires handed over at commit, and the outbox drain for everything else (restarts, holds,
/// an EA that was not ready). Both run on the owner loop only, one after the other, and both consult <c>_sentFires</c>
/// (the fires this process put on the wire) before sending, so neither sends a fire the other already sent; a fire
/// neither could send keeps its outbox row until it is sent, failed or expired, so none is lost. Across a crash between
/// the send and the SENT commit the restarted drain sends it again: the EA de-duplicates by <c>fire_id</c> (PROTOCOL).
/// </summary>
internal sealed partial class CommandRouterService
{
    // Owner-loop state: fires handed over for the fast path, and the fires this process sent (bounded), so neither path sends one twice.
    private readonly List<FireRecord> _ready = [];
    private readonly HashSet<string> _sentFires = new(StringComparer.Ordinal);
    private readonly Queue<string> _sentOrder = new();

    private async Task DrainOutboxAsync(ZmqSocket socket, CancellationToken ct)
    {
        List<FireRecord> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ExecutionDbContext>();
            var ids = await db.Outbox.AsNoTracking().Where(o => o.DoneAtMs == null).OrderBy(o => o.Id).Select(o => o.FireId).Take(200).ToListAsync(ct);
            if (ids.Count == 0)
            {
                return;
            }

            due = [.. db.FiresById(ids).Values]; // one SQL text whatever the batch size (FireQueries)
            var stray = ids.Except(due.Where(f => f.Status == FireStatus.Queued).Select(f => f.FireId)).ToList();
            if (stray.Count > 0)
            {
                var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
                await db.Outbox.Where(o => stray.Contains(o.FireId) && o.DoneAtMs == null).ExecuteUpdateAsync(s => s.SetProperty(o => o.DoneAtMs, nowMs), ct);
            }
        }

        foreach (var fire in due.Where(f => f.Status == FireStatus.Queued).OrderBy(f => f.CreatedAtMs))
        {
            if (_sentFires.Contains(fire.FireId))
            {
                // This process put it on the wire but its SENT state was not stored (the commit failed): store it now, never send again.
                await lifecycle.SentAsync(fire.FireId, ct);
                continue;
            }

            await SendFireAsync(socket, fire, ct);
        }
    }

    /// <summary>
    /// The fast path: fires handed over by <see cref="RouterQueue.FireQueued"/> right after their commit are sent at once.
    /// One this process already sent (the drain can get there first) is skipped; one that cannot go now stays for the drain.
    /// </summary>
    private async Task SendReadyAsync(ZmqSocket socket, CancellationToken ct)
    {
        if (_ready.Count == 0)
        {
            return;
        }

        var ready = _ready.ToArray();
        _ready.Clear();
        foreach (var fire in ready)
        {
            if (!_sentFires.Contains(fire.FireId))
            {
                await SendFireAsync(socket, fire, ct);
            }
        }
    }

    private async Task SendFireAsync(ZmqSocket socket, FireRecord fire, CancellationToken ct)
    {
        if (options.Value.HoldOutbox)
        {
            return; // test-only fault injection: fires stay queued, as a crash between queuing and sending leaves them
        }

        var now = time.GetUtcNow();
        if (now.ToUnixTimeMilliseconds() >= fire.ExpiresAtMs)
        {
            await lifecycle.FailAsync(fire.FireId, [FireStatus.Queued], FireStatus.Failed, "the mission expired before it reached the terminal", null, ct);
            return;
        }

        var ea = registry.Find(fire.EaId);
        if (ea is null || !(ea.IsFresh(now, options.Value.StaleAfter) || AwaitsHelloAfterOurStart(ea, now)))
        {
            await lifecycle.FailAsync(fire.FireId, [FireStatus.Queued], FireStatus.Failed, "terminal offline", null, ct);
            return;
        }

        if (!ea.Session || !ea.RouteVerified)
        {
            return; // seen within the staleness limit but not (re)connected with a hello (our restart, a new connection on its id): hold until its hello, staleness or expiry
        }

        SendQueued(socket); // a hello_ack queued while we were draining goes out before the fire
        ApplyPeerEvents(socket); // a connection that claimed the id (or a drop) since the loop's start is seen before the send
        if (registry.Find(fire.EaId) is not { Session: true, RouteVerified: true })
        {
            return;
        }

        var result = Send(socket, fire.EaId, EaCommands.Fire(fire, options.Value.MaxDeviationPoints));
        switch (result)
        {
            case ZmqSendResult.Sent:
                RememberSent(fire.FireId);
                await lifecycle.SentAsync(fire.FireId, ct);
                break;
            case ZmqSendResult.UnknownRoutingId:
                await lifecycle.FailAsync(fire.FireId, [FireStatus.Queued], FireStatus.Failed, "terminal offline", null, ct);
                break;
            default:
                metrics.Rejected("send_" + result.ToString().ToLowerInvariant());
                break; // queue full: the row stays and is tried again until the mission expires
        }
    }

    /// <summary>
    /// A terminal last seen before this process started, not yet reconnected: its last-seen time is from before our
    /// downtime, which is not its fault. It gets one staleness window from our start to say hello before its queued fires
    /// fail "terminal offline" (a slow restart otherwise failed every fire queued for a terminal that was about to reconnect).
    /// </summary>
    private bool AwaitsHelloAfterOurStart(EaState ea, DateTimeOffset now) =>
        !ea.Session && ea.LastSeenMs is > 0 && ea.LastSeenMs < _listeningSinceMs
        && now.ToUnixTimeMilliseconds() - _listeningSinceMs <= (long)options.Value.StaleAfter.TotalMilliseconds;

    private void RememberSent(string fireId)
    {
        if (_sentFires.Add(fireId))
        {
            _sentOrder.Enqueue(fireId);
            while (_sentOrder.Count > 10_000)
            {
                _sentFires.Remove(_sentOrder.Dequeue());
            }
        }
    }
}
