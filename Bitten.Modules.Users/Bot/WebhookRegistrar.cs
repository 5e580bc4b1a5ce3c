using Bitten.Modules.Users.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Users.Bot;

/// <summary>Registers <c>Telegram:WebhookUrl</c> with its secret at start, retrying until Telegram accepts it.</summary>
internal sealed class WebhookRegistrar(IServiceScopeFactory scopes, IOptions<TelegramOptions> options, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.UsesWebhook || !o.HasBotToken)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var bot = scope.ServiceProvider.GetRequiredService<TelegramBotClient>();
                if ((await bot.SetWebhookAsync(o.WebhookUrl!, o.WebhookSecret!, dropPendingUpdates: false, stoppingToken)).Ok)
                {
                    return;
                }
            }

            await Task.Delay(RetryPause, time, stoppingToken);
        }
    }
}
