using Bitten.Contracts.Execution;
using Bitten.Contracts.Missions;
using Bitten.Contracts.Signals;
using Bitten.Contracts.Users;
using MediatR;

namespace Bitten.Bench.Missions;

/// <summary>The audience and accounts of a run; in the <c>fakes</c> mode also the in-memory answers of Users and Execution.</summary>
internal sealed class World
{
    public IReadOnlyList<AudienceMember> Audience { get; set; } = [];

    public Dictionary<long, UserAccount> Accounts { get; } = [];

    public int Announced;

    public int Batches;
}

internal sealed class FakeAudience(World world) : IRequestHandler<ListSignalAudience, IReadOnlyList<AudienceMember>>
{
    public Task<IReadOnlyList<AudienceMember>> Handle(ListSignalAudience request, CancellationToken cancellationToken) => Task.FromResult(world.Audience);
}

internal sealed class FakeAccounts(World world) : IRequestHandler<GetUserAccounts, IReadOnlyList<UserAccountWithSymbol>>
{
    public Task<IReadOnlyList<UserAccountWithSymbol>> Handle(GetUserAccounts request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<UserAccountWithSymbol>>([.. request.UserIds.Where(u => world.Accounts.ContainsKey(u.Value))
            .Select(u => new UserAccountWithSymbol(world.Accounts[u.Value], null))]);
}

/// <summary>Signals is not part of the bench: cross rates come from here (both modes).</summary>
internal sealed class FakeQuotes : IRequestHandler<GetMarketQuote, MarketQuote?>
{
    public Task<MarketQuote?> Handle(GetMarketQuote request, CancellationToken cancellationToken) =>
        Task.FromResult<MarketQuote?>(request.Symbol switch
        {
            "EURUSD" => new MarketQuote(request.Symbol, 1.10000m, 1.10002m, 0, false, 5, 0.0001m),
            "GBPUSD" => new MarketQuote(request.Symbol, 1.27000m, 1.27002m, 0, false, 5, 0.0001m),
            _ => new MarketQuote(request.Symbol, 150.00m, 150.02m, 0, false, 3, 0.01m),
        });
}

internal sealed class CountAnnouncements(World world) : INotificationHandler<MissionsCreated>
{
    public Task Handle(MissionsCreated notification, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref world.Announced, notification.Missions.Count);
        Interlocked.Increment(ref world.Batches);
        return Task.CompletedTask;
    }
}
