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
        // One prepared statement per batch inside one transaction: a busy feed closes thousands of bars
        // a minute, and a statement per bar through EF would cost more CPU than the engine itself.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsDbContext>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            // A bar re-closed after a restart replaces the stored one.
            command.CommandText = "INSERT OR REPLACE INTO bars (symbol, timeframe, open_time_ms, open, high, low, close, tick_volume, mean_spread, after_gap) " +
                                  "VALUES ($s, $tf, $t, $o, $h, $l, $c, $v, $sp, $g)";
            var p = new[] { "$s", "$tf", "$t", "$o", "$h", "$l", "$c", "$v", "$sp", "$g" }.Select(name =>
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
                return parameter;
            }).ToArray();
            foreach (var (symbol, c) in batch)
            {
                p[0].Value = symbol;
                p[1].Value = (int)c.Timeframe;
                p[2].Value = c.OpenTimeMs;
                p[3].Value = ((decimal)c.Open).ToString(System.Globalization.CultureInfo.InvariantCulture);
                p[4].Value = ((decimal)c.High).ToString(System.Globalization.CultureInfo.InvariantCulture);
                p[5].Value = ((decimal)c.Low).ToString(System.Globalization.CultureInfo.InvariantCulture);
                p[6].Value = ((decimal)c.Close).ToString(System.Globalization.CultureInfo.InvariantCulture);
                p[7].Value = c.TickVolume;
                p[8].Value = ((decimal)c.MeanSpread).ToString(System.Globalization.CultureInfo.InvariantCulture);
                p[9].Value = c.AfterGap ? 1 : 0;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
