using System.Text.Json;
using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Engine;
using Bitten.Modules.Signals.Persistence;
using Bitten.Modules.Signals.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Bitten.Modules.Signals.Scoring;

/// <summary>Every 4 hours: reviews the adaptive threshold over the last 24 hours and stores any change with its reasons.</summary>
[DisallowConcurrentExecution]
internal sealed class ThresholdReviewJob(SignalsRuntime runtime, SignalsDbContext db, TimeProvider time, ILogger<ThresholdReviewJob> logger) : IJob
{
    public async Task Execute(IJobExecutionContext context)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var since = now - 86_400_000;
        var signals = await db.Signals.CountAsync(s => s.CreatedMs >= since, context.CancellationToken);
        var outcomes = await db.Signals.Where(s => s.CreatedMs >= since && s.Status == (int)SignalStatus.Resolved && (s.Outcome == (int)SignalOutcome.Win || s.Outcome == (int)SignalOutcome.Loss))
            .Select(s => s.Outcome).ToListAsync(context.CancellationToken);
        double? winRate = outcomes.Count == 0 ? null : outcomes.Count(o => o == (int)SignalOutcome.Win) / (double)outcomes.Count;
        var o = runtime.Options;
        var settings = new ThresholdSettings(o.InitialThreshold, o.MinThreshold, o.MaxThreshold, o.TargetSignalsPerDay, o.MinWinRate);
        var decision = AdaptiveThreshold.Review(runtime.Threshold.Current, settings, signals, outcomes.Count, winRate);
        if (!decision.Changed)
        {
            return;
        }

        db.ThresholdChanges.Add(new ThresholdChange
        {
            AtMs = now,
            Previous = decision.Previous,
            Next = decision.Next,
            SignalsLast24h = signals,
            WinRateLast24h = winRate,
            ReasonsJson = JsonSerializer.Serialize(decision.Reasons),
        });
        await db.SaveChangesAsync(context.CancellationToken);
        runtime.Threshold.Current = decision.Next;
        Log.ThresholdChanged(logger, decision.Previous, decision.Next, string.Join("; ", decision.Reasons));
    }
}
