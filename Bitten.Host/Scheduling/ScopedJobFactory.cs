using Quartz;
using Quartz.Spi;

namespace Bitten.Host.Scheduling;

/// <summary>Creates each job run inside its own DI scope and disposes the scope afterwards.</summary>
internal sealed class ScopedJobFactory(IServiceScopeFactory scopes) : IJobFactory
{
    public IJob NewJob(TriggerFiredBundle bundle, IScheduler scheduler) => new ScopedJob(scopes, bundle.JobDetail.JobType);

    public void ReturnJob(IJob job)
    {
    }

    private sealed class ScopedJob(IServiceScopeFactory scopes, Type jobType) : IJob
    {
        public async Task Execute(IJobExecutionContext context)
        {
            await using var scope = scopes.CreateAsyncScope();
            var job = (IJob)scope.ServiceProvider.GetRequiredService(jobType);
            try
            {
                await job.Execute(context);
            }
            catch (Exception ex) when (ex is not JobExecutionException)
            {
                var logger = scope.ServiceProvider.GetRequiredService<ILogger<ScopedJobFactory>>();
                Log.JobFailed(logger, context.JobDetail.Key.Name, ex);
                throw new JobExecutionException(ex, refireImmediately: false);
            }
        }
    }
}
