using Bitten.Contracts.Execution;
using Bitten.Contracts.Missions;
using Bitten.Contracts.Signals;
using Bitten.Contracts.Users;
using MediatR;

namespace Bitten.Bench.Missions;

/// <summary>In-memory answers of the other modules: the figure is Missions' own cost, not theirs.</summary>
internal sealed class World
{
    public IReadOnlyList<AudienceMember> Audience { get; set; } = [];

    public Dictionary<long, UserAccount> Accounts { get; } = [];

    public int Announced;
}

internal sealed class FakeAudience(World world) : IRequestHandler<ListSignalAudience, IReadOnlyList<AudienceMember>>
{
    public Task<IReadOnlyList<AudienceMember>> Handle(ListSignalAudience request, CancellationToken cancellationToken) => Task.FromResult(world.Audience);
}

internal sealed class FakeAccounts(World world) : IRequestHandler<GetUserAccount, UserAccount?>
{
    public Task<UserAccount?> Handle(GetUserAccount request, CancellationToken cancellationToken) => Task.FromResult(world.Accounts.GetValueOrDefault(request.UserId.Value));
}

internal sealed class FakeBrokerSymbols : IRequestHandler<GetBrokerSymbol, SymbolSpec?>
{
    public Task<SymbolSpec?> Handle(GetBrokerSymbol request, CancellationToken cancellationToken) => Task.FromResult<SymbolSpec?>(null);
}

internal sealed class FakeQuotes : IRequestHandler<GetMarketQuote, MarketQuote?>
{
    public Task<MarketQuote?> Handle(GetMarketQuote request, CancellationToken cancellationToken) =>
        Task.FromResult<MarketQuote?>(new MarketQuote(request.Symbol, 150.00m, 150.02m, 0, false, 3, 0.01m));
}

internal sealed class CountAnnouncements(World world) : INotificationHandler<MissionCreated>
{
    public Task Handle(MissionCreated notification, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref world.Announced);
        return Task.CompletedTask;
    }
}
