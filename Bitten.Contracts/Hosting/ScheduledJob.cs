namespace Bitten.Contracts.Hosting;

/// <summary>
/// A recurring job a module asks the host's scheduler to run. <paramref name="JobType"/> is a Quartz
/// <c>IJob</c> registered in DI (resolved in its own scope per run); the cron expression is UTC.
/// </summary>
public sealed record ScheduledJob(string Name, Type JobType, string CronExpression);
