using Bitten.Modules.Users.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Users.Bot;

/// <summary>
/// Long-polls getUpdates and hands each update to the <see cref="CommandRouter"/> in its own scope;
/// one failing update is logged and skipped. The offset acknowledges a batch on the next poll, so a
/// crash can replay at most the last batch.
/// </summary>
internal sealed class UpdatePoller(IServiceScopeFactory scopes, IOptions<TelegramOptions> options, TimeProvider time, ILogger<UpdatePoller> logger) : BackgroundService
{
    private static readonly TimeSpan ErrorPause = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Polling || !options.Value.HasBotToken || options.Value.UsesWebhook)
        {
            return;
        }

        long offset = 0;
        var webhookCleared = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var bot = scope.ServiceProvider.GetRequiredService<TelegramBotClient>();
                if (!webhookCleared)
                {
                    // getUpdates answers 409 while a webhook is set.
                    webhookCleared = (await bot.DeleteWebhookAsync(dropPendingUpdates: false, stoppingToken)).Ok;
                }

                var batch = await bot.GetUpdatesAsync(offset, options.Value.PollTimeout, stoppingToken);
                if (!batch.Ok || batch.Value is null)
                {
                    await Task.Delay(ErrorPause, time, stoppingToken);
                    continue;
                }

                foreach (var update in batch.Value.Updates)
                {
                    await HandleOneAsync(update, stoppingToken);
                }

                offset = batch.Value.NextOffset;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Log.BotPollFailed(logger, ex);
                await Task.Delay(ErrorPause, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task HandleOneAsync(Telegram.Api.TelegramUpdate update, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CommandRouter>().HandleAsync(update, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Log.BotUpdateFailed(logger, update.UpdateId, ex);
        }
    }
}
