using Bitten.Modules.Signals.Engine;
using Bitten.Modules.Signals.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Signals.Candles;

/// <summary>Persists closed bars in batches (one transaction per batch), so a restart warms the detectors.</summary>
internal sealed class BarWriterService(SignalsRuntime runtime, IServiceScopeFactory scopes, ILogger<BarWriterService> logger) : BackgroundService
{
    private const int BatchSize = 1_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = runtime.Bars.Reader;
        var batch = new List<(string Symbol, Candle Candle)>(BatchSize);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await reader.WaitToReadAsync(stoppingToken))
                {
                    break;
                }

                while (batch.Count < BatchSize && reader.TryRead(out var bar))
                {
                    batch.Add(bar);
                }

                await WriteAsync(batch, stoppingToken);
                batch.Clear();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Log.BarWriteFailed(logger, batch.Count, ex);
                batch.Clear();
            }
        }
    }

    private async Task WriteAsync(List<(string Symbol, Candle Candle)> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (symbol, c) in batch)
        {
            // A bar re-closed after a restart replaces the stored one.
            await db.Database.ExecuteSqlAsync(
                $"INSERT OR REPLACE INTO bars (symbol, timeframe, open_time_ms, open, high, low, close, tick_volume, mean_spread, after_gap) VALUES ({symbol}, {(int)c.Timeframe}, {c.OpenTimeMs}, {(decimal)c.Open}, {(decimal)c.High}, {(decimal)c.Low}, {(decimal)c.Close}, {c.TickVolume}, {(decimal)c.MeanSpread}, {c.AfterGap})",
                cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
