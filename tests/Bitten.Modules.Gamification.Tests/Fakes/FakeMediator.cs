using System.Collections.Concurrent;
using Bitten.Contracts.Common;
using Bitten.Contracts.Users;
using MediatR;

namespace Bitten.Modules.Gamification.Tests.Fakes;

/// <summary>Stands in for the other modules: answers GetUserRiskProfile from a table, records alerts and published facts.</summary>
internal sealed class FakeMediator : IMediator
{
    public ConcurrentDictionary<long, UserRiskProfile> Profiles { get; } = new();

    public ConcurrentQueue<object> Published { get; } = new();

    public ConcurrentQueue<QueueUserAlert> Alerts { get; } = new();

    /// <summary>Users whose alerts fail (as if the Users module threw).</summary>
    public ConcurrentDictionary<long, bool> FailAlertsFor { get; } = new();

    public Func<INotification, CancellationToken, Task>? OnPublish { get; set; }

    public void Profile(long user, string timeZone, DrillTone tone = DrillTone.Balanced) =>
        Profiles[user] = new UserRiskProfile(new UserId(user), 2m, false, 0.55m, tone, timeZone);

    public Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        object? answer = request switch
        {
            GetUserRiskProfile q => Profiles.GetValueOrDefault(q.UserId.Value),
            QueueUserAlert a => Queue(a),
            _ => throw new NotSupportedException($"The fake mediator does not answer {request.GetType().Name}."),
        };
        return Task.FromResult((TResponse)answer!);
    }

    public Task Send(IRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task Publish(object notification, CancellationToken cancellationToken = default) => Publish((INotification)notification, cancellationToken);

    public Task Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
        where TNotification : INotification
    {
        Published.Enqueue(notification);
        return OnPublish?.Invoke(notification, cancellationToken) ?? Task.CompletedTask;
    }

    private AlertQueueOutcome Queue(QueueUserAlert alert)
    {
        if (FailAlertsFor.ContainsKey(alert.UserId.Value))
        {
            throw new InvalidOperationException("Users module is down for this user.");
        }

        if (Alerts.Any(a => a.DedupeKey == alert.DedupeKey))
        {
            return AlertQueueOutcome.Duplicate;
        }

        Alerts.Enqueue(alert);
        return AlertQueueOutcome.Queued;
    }
}
