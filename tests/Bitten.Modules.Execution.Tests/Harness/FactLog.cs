using System.Collections.Concurrent;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Users;
using MediatR;

namespace Bitten.Modules.Execution.Tests.Harness;

/// <summary>Every fact the module published, in order.</summary>
public sealed class FactLog
{
    public ConcurrentQueue<INotification> All { get; } = new();

    public IReadOnlyList<T> Of<T>() => [.. All.OfType<T>()];
}

internal sealed class FactRecorder(FactLog log) :
    INotificationHandler<FireSent>, INotificationHandler<FireFilled>, INotificationHandler<FireFailed>, INotificationHandler<TradeClosed>,
    INotificationHandler<AuditEventOccurred>
{
    public Task Handle(FireSent notification, CancellationToken cancellationToken) => Record(notification);

    public Task Handle(FireFilled notification, CancellationToken cancellationToken) => Record(notification);

    public Task Handle(FireFailed notification, CancellationToken cancellationToken) => Record(notification);

    public Task Handle(TradeClosed notification, CancellationToken cancellationToken) => Record(notification);

    public Task Handle(AuditEventOccurred notification, CancellationToken cancellationToken) => Record(notification);

    private Task Record(INotification n)
    {
        log.All.Enqueue(n);
        return Task.CompletedTask;
    }
}
