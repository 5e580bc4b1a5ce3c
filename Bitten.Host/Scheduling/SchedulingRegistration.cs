namespace Bitten.Host.Scheduling;

/// <summary>Quartz.NET hosted in a BackgroundService; modules add <c>ScheduledJob</c>s to DI.</summary>
internal static class SchedulingRegistration
{
    public static IHostApplicationBuilder AddBittenScheduling(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SchedulerHost>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SchedulerHost>());
        return builder;
    }
}
