using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Missions;
using Bitten.Contracts.Signals;
using Bitten.Contracts.Users;
using MediatR;

namespace Bitten.Modules.Missions.Tests.Support;

internal sealed class FakeAudience(FakeWorld world) : IRequestHandler<ListSignalAudience, IReadOnlyList<AudienceMember>>
{
    public Task<IReadOnlyList<AudienceMember>> Handle(ListSignalAudience request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AudienceMember>>([.. world.Audience]);
}

internal sealed class FakeAccounts(FakeWorld world) : IRequestHandler<GetUserAccount, UserAccount?>
{
    public Task<UserAccount?> Handle(GetUserAccount request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref world.AccountLookups);
        return Task.FromResult(world.Accounts.GetValueOrDefault(request.UserId.Value));
    }
}

internal sealed class FakeBrokerSymbols(FakeWorld world) : IRequestHandler<GetBrokerSymbol, SymbolSpec?>
{
    public Task<SymbolSpec?> Handle(GetBrokerSymbol request, CancellationToken cancellationToken) =>
        Task.FromResult(world.Specs.GetValueOrDefault((request.UserId.Value, request.Symbol)));
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

internal sealed class RecordCreated(FakeWorld world) : INotificationHandler<MissionCreated>
{
    public Task Handle(MissionCreated notification, CancellationToken cancellationToken)
    {
        world.Created.Enqueue(notification);
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
