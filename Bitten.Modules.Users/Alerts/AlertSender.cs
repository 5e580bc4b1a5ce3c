using System.Text.Json;
using Bitten.Contracts.Common;
using Bitten.Modules.Users.Ea;
using Bitten.Modules.Users.Persistence;
using Bitten.Modules.Users.Telegram;
using Bitten.Modules.Users.Telegram.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Users.Alerts;

/// <summary>
/// Drains the alert outbox in id order within Telegram's limits (<see cref="DeliveryPacer"/>). Each
/// outcome is committed right after its call, so a restart resumes where it stopped; a message in
/// flight at shutdown is given a short grace to finish. 403 marks the user inactive.
/// </summary>
internal sealed class AlertSender(
    IServiceScopeFactory scopes, AlertSignal signal, EaCredentialCache eaCache, TelegramMetrics metrics,
    TimeProvider time, IOptions<AlertOptions> options, ILogger<AlertSender> logger) : BackgroundService
{
    private static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SenderEnabled)
        {
            return;
        }

        var pacer = new DeliveryPacer(options.Value.GlobalPerSecond, options.Value.PerChatInterval);
        using var sendCts = new CancellationTokenSource();
        await using var graceful = stoppingToken.Register(() => sendCts.CancelAfter(ShutdownGrace));
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await PassAsync(pacer, stoppingToken, sendCts.Token);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Log.AlertSenderFailed(logger, ex);
                wait = TimeSpan.FromSeconds(5);
            }

            if (wait > TimeSpan.Zero)
            {
                await WaitAsync(wait, stoppingToken);
            }
        }
    }

    /// <summary>Sends what may go now; returns zero to go again at once, or how long to wait.</summary>
    private async Task<TimeSpan> PassAsync(DeliveryPacer pacer, CancellationToken stopping, CancellationToken sending)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UsersDbContext>();
        var client = scope.ServiceProvider.GetRequiredService<TelegramBotClient>();
        if (!client.IsConfigured)
        {
            return IdleCheck;
        }

        var now = time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var due = await db.Alerts
            .Where(a => a.Status == AlertStatus.Pending && a.NextAttemptAtMs <= nowMs)
            .OrderBy(a => a.Id).Take(100).ToListAsync(stopping);
        var wait = IdleCheck;
        var progressed = false;
        var deferred = new HashSet<long>();
        foreach (var alert in due)
        {
            if (stopping.IsCancellationRequested)
            {
                break;
            }

            if (deferred.Contains(alert.ChatId))
            {
                continue; // keep one chat's alerts in order
            }

            if (now - DateTimeOffset.FromUnixTimeMilliseconds(alert.CreatedAtMs) > options.Value.MaxAge)
            {
                Finish(alert, AlertStatus.Dropped, "older than Alerts:MaxAge");
                await db.SaveChangesAsync(CancellationToken.None);
                progressed = true;
                continue;
            }

            var pace = pacer.WaitFor(alert.ChatId, now);
            if (pace > TimeSpan.Zero)
            {
                deferred.Add(alert.ChatId);
                wait = pace < wait ? pace : wait;
                continue;
            }

            var keyboard = alert.KeyboardJson is null ? null : JsonSerializer.Deserialize<InlineKeyboard>(alert.KeyboardJson, TelegramBotClient.Json);
            var result = await client.SendMessageAsync(alert.ChatId, alert.Html, alert.Silent, keyboard, sending);
            now = time.GetUtcNow();
            pacer.Sent(alert.ChatId, now);
            await ApplyAsync(db, alert, result, now);
            progressed = true;
        }

        if (progressed)
        {
            return TimeSpan.Zero;
        }

        var next = await db.Alerts.Where(a => a.Status == AlertStatus.Pending && a.NextAttemptAtMs > nowMs)
            .MinAsync(a => (long?)a.NextAttemptAtMs, stopping);
        if (next is { } nextMs && TimeSpan.FromMilliseconds(nextMs - nowMs) < wait)
        {
            wait = TimeSpan.FromMilliseconds(nextMs - nowMs);
        }

        return wait;
    }

    private async Task ApplyAsync(UsersDbContext db, AlertRecord alert, TelegramResult<TelegramMessage> result, DateTimeOffset now)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        switch (result.Outcome)
        {
            case TelegramOutcome.Ok:
                alert.Attempts++;
                alert.SentAtMs = nowMs;
                alert.TelegramMessageId = result.Value?.MessageId;
                Finish(alert, AlertStatus.Sent, null);
                break;
            case TelegramOutcome.Blocked:
                alert.Attempts++;
                Finish(alert, AlertStatus.Dropped, "blocked by the user (403)");
                await db.SaveChangesAsync(CancellationToken.None);
                await DeactivateAsync(db, alert.UserId);
                return;
            case TelegramOutcome.RateLimited:
                // Telegram asked for a longer pause than the client waits inline: not the alert's fault.
                alert.NextAttemptAtMs = nowMs + (long)(result.RetryAfter ?? TimeSpan.FromSeconds(30)).TotalMilliseconds;
                alert.LastError = result.Description;
                break;
            case TelegramOutcome.Unauthorized or TelegramOutcome.NotConfigured:
                // The bot token is wrong: every alert would fail; keep them and look again later.
                alert.NextAttemptAtMs = nowMs + (long)TimeSpan.FromMinutes(1).TotalMilliseconds;
                alert.LastError = result.Description;
                break;
            case TelegramOutcome.BadRequest:
                alert.Attempts++;
                Finish(alert, AlertStatus.Failed, result.Description);
                break;
            default:
                alert.Attempts++;
                alert.LastError = result.Description ?? TelegramMetrics.Tag(result.Outcome);
                if (alert.Attempts >= options.Value.MaxAttempts)
                {
                    Finish(alert, AlertStatus.Failed, alert.LastError);
                }
                else
                {
                    var backoff = TimeSpan.FromSeconds(Math.Min(600, Math.Pow(2, alert.Attempts)));
                    alert.NextAttemptAtMs = nowMs + (long)backoff.TotalMilliseconds;
                }

                break;
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    private void Finish(AlertRecord alert, AlertStatus status, string? error)
    {
        alert.Status = status;
        alert.LastError = error is { Length: > 512 } ? error[..512] : error;
        metrics.Alert(status switch
        {
            AlertStatus.Sent => "sent",
            AlertStatus.Dropped => "dropped",
            _ => "failed",
        });
        if (status == AlertStatus.Failed)
        {
            Log.AlertFailed(logger, alert.Id, alert.UserId, alert.LastError);
        }
    }

    private async Task DeactivateAsync(UsersDbContext db, long userId)
    {
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));
        var dropped = await db.Alerts.Where(a => a.UserId == userId && a.Status == AlertStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AlertStatus.Dropped).SetProperty(a => a.LastError, "user blocked the bot"));
        eaCache.ForgetOwner(new UserId(userId));
        Log.UserBlockedBot(logger, userId, dropped);
    }

    private async Task WaitAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        try
        {
            await Task.WhenAny(signal.WaitAsync(cts.Token), Task.Delay(wait, time, cts.Token));
        }
        finally
        {
            await cts.CancelAsync();
        }
    }
}
