using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Missions;
using Bitten.Contracts.Users;
using Bitten.Modules.Users.Alerts;
using Bitten.Modules.Users.Bot;
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
    INotificationHandler<MissionsCreated>,
    INotificationHandler<FireFilled>,
    INotificationHandler<FireFailed>,
    INotificationHandler<TradeClosed>
{
    /// <summary>A fan-out's alerts are written in one transaction; a batch announced again (recovery) queues nothing twice.</summary>
    public async Task Handle(MissionsCreated notification, CancellationToken cancellationToken)
    {
        if (notification.Missions.Count == 0)
        {
            return;
        }

        var alerts = new List<BatchAlert>(notification.Missions.Count);
        foreach (var m in notification.Missions)
        {
            IReadOnlyList<AlertButton> fire = m.Fireable ? [new AlertButton("🔥 FIRE", string.Empty, false, FireCallback.Data(m.MissionId))] : [];
            alerts.Add(new BatchAlert(m.UserId, AlertTexts.Mission(m), MissionDedupeKey(m.MissionId),
                [.. fire, .. HudButton(m.Fireable ? "🎯 Open mission" : "Open mission", m.MissionId) ?? []]));
        }

        try
        {
            await outbox.QueueManyAsync(AlertKind.SignalAlert, alerts, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.MissionAlertsFailed(logger, notification.SignalId.Value, alerts.Count, ex);
        }
    }

    public static string MissionDedupeKey(MissionId mission) => $"mission:{mission.Value}";

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
