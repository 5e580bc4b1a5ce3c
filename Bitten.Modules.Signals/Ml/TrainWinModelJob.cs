using Microsoft.Extensions.Logging;
using Quartz;

namespace Bitten.Modules.Signals.Ml;

/// <summary>Daily at 00:30 UTC (Modules:Signals:ModelTrainingCron): retrains from the stored resolved signals.</summary>
[DisallowConcurrentExecution]
internal sealed class TrainWinModelJob(WinModelTraining training, MlMetrics metrics, ILogger<TrainWinModelJob> logger) : IJob
{
    public async Task Execute(IJobExecutionContext context)
    {
        try
        {
            await training.TrainFromStoreAsync(context.CancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            metrics.Trained("failed");
            Log.ModelTrainingFailed(logger, ex);
        }
    }
}
