using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Missions;
using Bitten.Contracts.Signals;
using Bitten.Contracts.Users;
using MediatR;

namespace Bitten.Modules.Missions.Tests.Support;

internal sealed class FakeAudience(FakeWorld world) : IRequestHandler<ListSignalAudience, IReadOnlyList<AudienceMember>>
{
    public async Task<IReadOnlyList<AudienceMember>> Handle(ListSignalAudience request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref world.AudienceRequests);
        await world.AudienceGate.WaitAsync(cancellationToken);
        return [.. world.Audience];
    }
}

/// <summary>Execution's batch answer: the account and the broker spec of the asked symbol of every asked user who has an account.</summary>
internal sealed class FakeAccounts(FakeWorld world) : IRequestHandler<GetUserAccounts, IReadOnlyList<UserAccountWithSymbol>>
{
    public Task<IReadOnlyList<UserAccountWithSymbol>> Handle(GetUserAccounts request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref world.AccountRequests);
        Interlocked.Add(ref world.AccountLookups, request.UserIds.Count);
        var answer = new List<UserAccountWithSymbol>();
        foreach (var user in request.UserIds)
        {
            if (world.Accounts.TryGetValue(user.Value, out var account))
            {
                answer.Add(new UserAccountWithSymbol(account, request.Symbol is { } s ? world.Specs.GetValueOrDefault((user.Value, s)) : null));
            }
        }

        return Task.FromResult<IReadOnlyList<UserAccountWithSymbol>>(answer);
    }
}

internal sealed class FakeQuotes(FakeWorld world) : IRequestHandler<GetMarketQuote, MarketQuote?>
{
    public Task<MarketQuote?> Handle(GetMarketQuote request, CancellationToken cancellationToken) =>
        Task.FromResult(world.Quotes.GetValueOrDefault(request.Symbol));
}

internal sealed class FakeEaOwners(FakeWorld world) : IRequestHandler<GetEaOwner, UserId?>
{
    public Task<UserId?> Handle(GetEaOwner request, CancellationToken cancellationToken) =>
        Task.FromResult(world.EaOwners.TryGetValue(request.EaId, out var owner) ? new UserId(owner) : (UserId?)null);
}

internal sealed class FakeExecution(FakeWorld world) : IRequestHandler<FireMission, FireDecision>
{
    public Task<FireDecision> Handle(FireMission request, CancellationToken cancellationToken)
    {
        world.FiresReceived.Enqueue(request);
        return Task.FromResult(world.Fire(request));
    }
}

internal sealed class FakeMissionFires(FakeWorld world) : IRequestHandler<GetMissionFires, IReadOnlyList<MissionFire>>
{
    public Task<IReadOnlyList<MissionFire>> Handle(GetMissionFires request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MissionFire>>([.. request.MissionIds.Select(m => world.MissionFires.GetValueOrDefault(m.Value)).OfType<MissionFire>()]);
}

internal sealed class RecordCreated(FakeWorld world) : INotificationHandler<MissionsCreated>
{
    public Task Handle(MissionsCreated notification, CancellationToken cancellationToken)
    {
        world.OnBatch?.Invoke(notification);
        world.Batches.Enqueue(notification);
        foreach (var mission in notification.Missions)
        {
            world.Created.Enqueue(mission);
        }

        return Task.CompletedTask;
    }
}

internal sealed class RecordStateChanges(FakeWorld world) : INotificationHandler<MissionStateChanged>
{
    public Task Handle(MissionStateChanged notification, CancellationToken cancellationToken)
    {
        world.StateChanges.Enqueue(notification);
        return Task.CompletedTask;
    }
}

/// <summary>Signals' answer to the worker's start-up catch-up: the live signals a test stored in the fake world.</summary>
internal sealed class FakeLiveSignals(FakeWorld world) : IRequestHandler<ListLiveSignals, IReadOnlyList<SignalPublished>>
{
    public Task<IReadOnlyList<SignalPublished>> Handle(ListLiveSignals request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SignalPublished>>([.. world.StoredSignals.Where(s => s.CreatedAt >= request.CreatedSince && s.ExpiresAt > request.At).OrderBy(s => s.CreatedAt)]);
}
