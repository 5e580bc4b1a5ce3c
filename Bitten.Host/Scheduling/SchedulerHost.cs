using System.Collections.Specialized;
using Bitten.Contracts.Hosting;
using Quartz;
using Quartz.Impl;

namespace Bitten.Host.Scheduling;

/// <summary>
/// Owns the Quartz scheduler (in-memory store, UTC cron triggers). Jobs are resolved from DI in a
/// fresh scope per run, so they may use the modules' DbContexts.
/// </summary>
internal sealed class SchedulerHost(IEnumerable<ScheduledJob> jobs, IServiceScopeFactory scopes, ILogger<SchedulerHost> logger) : BackgroundService
{
    private readonly TaskCompletionSource<IScheduler> _scheduler = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the scheduler has started (for on-demand triggers).</summary>
    public Task<IScheduler> Scheduler => _scheduler.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var properties = new NameValueCollection
        {
            // Quartz keeps schedulers in a process-wide repository by name: one name per host instance.
            ["quartz.scheduler.instanceName"] = $"bitten-{Guid.NewGuid():N}",
            ["quartz.threadPool.maxConcurrency"] = "4",
            ["quartz.jobStore.type"] = "Quartz.Simpl.RAMJobStore, Quartz",
        };
        var scheduler = await new StdSchedulerFactory(properties).GetScheduler(stoppingToken);
        scheduler.JobFactory = new ScopedJobFactory(scopes);
        foreach (var job in jobs)
        {
            var detail = JobBuilder.Create(job.JobType).WithIdentity(job.Name).Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity(job.Name + ".trigger")
                .WithCronSchedule(job.CronExpression, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireHandlingInstructionFireAndProceed())
                .Build();
            var next = await scheduler.ScheduleJob(detail, trigger, stoppingToken);
            Log.JobScheduled(logger, job.Name, job.CronExpression, next);
        }

        await scheduler.Start(stoppingToken);
        _scheduler.TrySetResult(scheduler);
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // host is stopping
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: false, CancellationToken.None);
        }
    }
}
