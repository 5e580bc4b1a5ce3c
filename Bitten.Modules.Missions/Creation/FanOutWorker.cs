using Bitten.Contracts.Signals;
using Bitten.Modules.Missions.Messaging;
using Bitten.Modules.Missions.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Missions.Creation;

/// <summary>
/// Runs the fan-outs, one signal at a time, off the Signals publisher's loop. At start it first catches up: every
/// signal Signals stored within <c>CatchUpLookbackMinutes</c> that has not expired and has no mission at all (the
/// process died after the signal was stored and published but before its fan-out committed — the missions of one
/// signal are stored in one transaction, so it is all or nothing) is fanned out. Missions stored but not announced are
/// <see cref="AnnouncementRecoveryJob"/>'s. Sequential on purpose: a fan-out is one SQLite write transaction anyway,
/// and a later signal's replay then always sees the earlier one's rows.
/// </summary>
internal sealed class FanOutWorker(
    FanOutQueue queue, IServiceScopeFactory scopes, TimeProvider time, IOptions<MissionsOptions> options, ILogger<FanOutWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // never hold up the host's start
        try
        {
            await CatchUpAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.CatchUpFailed(logger, ex);
        }

        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await DrainAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: signals still queued are stored in signals.db and caught up at the next start
        }
    }

    /// <summary>Fans out every signal queued now, in order; returns how many (tests call it when the worker is not running).</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        while (queue.Reader.TryRead(out var signal))
        {
            try
            {
                await FanOutAsync(signal, cancellationToken);
            }
            finally
            {
                queue.Done();
            }

            count++;
        }

        return count;
    }

    /// <summary>Fans out every live stored signal that has no mission yet; returns how many it fanned out.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        IReadOnlyList<SignalPublished>? live;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var requests = scope.ServiceProvider.GetRequiredService<Requests>();
            bool available;
            (available, live) = await requests.TrySendAsync<ListLiveSignals, IReadOnlyList<SignalPublished>>(
                new ListLiveSignals(now.AddMinutes(-options.Value.CatchUpLookbackMinutes), now), cancellationToken);
            if (!available)
            {
                Log.NoCatchUpSource(logger);
                return 0;
            }
        }

        var caughtUp = 0;
        foreach (var signal in live ?? [])
        {
            bool any;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var id = signal.SignalId.Value;
                any = await scope.ServiceProvider.GetRequiredService<MissionsDbContext>().Missions.AnyAsync(m => m.SignalId == id, cancellationToken);
            }

            if (!any)
            {
                Log.CatchingUp(logger, signal.SignalId.Value, signal.Symbol);
                await FanOutAsync(signal, cancellationToken);
                caughtUp++;
            }
        }

        return caughtUp;
    }

    private async Task FanOutAsync(SignalPublished signal, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<MissionFanOut>().CreateAsync(signal, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.FanOutFailed(logger, signal.SignalId.Value, ex);
        }
    }
}
