using Quartz;

namespace Bitten.Modules.Gamification.Drill;

/// <summary>Quartz job (every few minutes, UTC cron): daily and weekly drill reports for users past their local report hour.</summary>
[DisallowConcurrentExecution]
internal sealed class DrillReportJob(DrillReportService reports) : IJob
{
    public Task Execute(IJobExecutionContext context) => reports.RunAsync(context.CancellationToken);
}
