using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Missions;
using Bitten.Contracts.Users;
using Bitten.Modules.Users.Alerts;
using Bitten.Modules.Users.Telegram;
using MediatR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Users.Integration;

/// <summary>
/// Alerts for other modules' facts: a new mission (with a Mini App button into <c>/hud?mission=</c>), a fill,
/// a failed fire, a closed trade. Each goes through the outbox with a dedupe key, so a fact seen twice
/// (a re-announced mission) alerts once. A failure is logged, never thrown at the publisher.
/// </summary>
internal sealed class TradeAlertHandlers(AlertOutbox outbox, IOptions<TelegramOptions> telegram, ILogger<TradeAlertHandlers> logger) :
    INotificationHandler<MissionCreated>,
    INotificationHandler<FireFilled>,
    INotificationHandler<FireFailed>,
    INotificationHandler<TradeClosed>
{
    public Task Handle(MissionCreated notification, CancellationToken cancellationToken) =>
        QueueAsync(notification.UserId, AlertKind.SignalAlert, AlertTexts.Mission(notification), $"mission:{notification.MissionId.Value}",
            HudButton(notification.Fireable ? "🎯 Open mission" : "Open mission", notification.MissionId), cancellationToken);

    public Task Handle(FireFilled notification, CancellationToken cancellationToken) =>
        QueueAsync(notification.UserId, AlertKind.FireResult, AlertTexts.Filled(notification), $"fill:{notification.FireId.Value}",
            HudButton("Open position", notification.MissionId), cancellationToken);

    public Task Handle(FireFailed notification, CancellationToken cancellationToken) =>
        QueueAsync(notification.UserId, AlertKind.FireResult, AlertTexts.Failed(notification), $"fail:{notification.FireId.Value}",
            HudButton("Open mission", notification.MissionId), cancellationToken);

    public Task Handle(TradeClosed notification, CancellationToken cancellationToken) =>
        QueueAsync(notification.UserId, AlertKind.TradeClosed, AlertTexts.Closed(notification), $"close:{notification.FireId.Value}",
            null, cancellationToken);

    private IReadOnlyList<AlertButton>? HudButton(string text, MissionId mission) =>
        Uri.TryCreate(telegram.Value.MiniAppUrl, UriKind.Absolute, out var app)
            ? [new AlertButton(text, new Uri(app, $"/hud?mission={Uri.EscapeDataString(mission.Value)}").ToString(), OpenAsMiniApp: true)]
            : null;

    private async Task QueueAsync(UserId user, AlertKind kind, string html, string key, IReadOnlyList<AlertButton>? buttons, CancellationToken ct)
    {
        try
        {
            await outbox.QueueAsync(user, kind, html, key, buttons, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.AlertQueueFailed(logger, kind.ToString(), user.Value, ex);
        }
    }
}
