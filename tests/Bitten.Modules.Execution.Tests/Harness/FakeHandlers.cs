using Bitten.Contracts.Signals;
using Bitten.Contracts.Users;
using MediatR;

namespace Bitten.Modules.Execution.Tests.Harness;

internal sealed class FakeValidateEaCredentials(FakeWorld world) : IRequestHandler<ValidateEaCredentials, EaCredentialsValidation>
{
    public Task<EaCredentialsValidation> Handle(ValidateEaCredentials request, CancellationToken cancellationToken) =>
        Task.FromResult(world.Eas.TryGetValue(request.EaId, out var ea) && ea.Token == request.EaToken
            ? new EaCredentialsValidation(true, new Contracts.Common.UserId(ea.UserId), ea.IsDefault)
            : EaCredentialsValidation.Invalid);
}

internal sealed class FakeGetUserEntitlements(FakeWorld world) : IRequestHandler<GetUserEntitlements, UserEntitlements?>
{
    public Task<UserEntitlements?> Handle(GetUserEntitlements request, CancellationToken cancellationToken) =>
        Task.FromResult(world.Entitlements.TryGetValue(request.UserId.Value, out var e) ? e : null);
}

internal sealed class FakeGetUserRiskProfile(FakeWorld world) : IRequestHandler<GetUserRiskProfile, UserRiskProfile?>
{
    public Task<UserRiskProfile?> Handle(GetUserRiskProfile request, CancellationToken cancellationToken) =>
        Task.FromResult(world.Profiles.TryGetValue(request.UserId.Value, out var p) ? p : null);
}

internal sealed class FakeGetUserRiskProfiles(FakeWorld world) : IRequestHandler<GetUserRiskProfiles, IReadOnlyList<UserRiskProfile>>
{
    public Task<IReadOnlyList<UserRiskProfile>> Handle(GetUserRiskProfiles request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref world.RiskProfileRequests);
        return Task.FromResult<IReadOnlyList<UserRiskProfile>>([.. request.UserIds.Distinct().Where(u => world.Profiles.ContainsKey(u.Value)).Select(u => world.Profiles[u.Value])]);
    }
}

internal sealed class FakeGetMarketQuote(FakeWorld world) : IRequestHandler<GetMarketQuote, MarketQuote?>
{
    public Task<MarketQuote?> Handle(GetMarketQuote request, CancellationToken cancellationToken) =>
        Task.FromResult(world.Quotes.TryGetValue(request.Symbol, out var q) ? q : null);
}

internal sealed class FakeFireMissionCommand(FakeWorld world, TimeProvider time) : IRequestHandler<Contracts.Missions.FireMissionCommand, Contracts.Execution.FireDecision>
{
    public Task<Contracts.Execution.FireDecision> Handle(Contracts.Missions.FireMissionCommand request, CancellationToken cancellationToken)
    {
        world.FireCommands.Enqueue(request);
        return Task.FromResult(Contracts.Execution.FireDecision.Accept(Contracts.Common.FireId.New(time.GetUtcNow())));
    }
}

internal sealed class FakeGetAtr(FakeWorld world) : IRequestHandler<GetAtr, decimal?>
{
    public Task<decimal?> Handle(GetAtr request, CancellationToken cancellationToken) =>
        Task.FromResult(world.Atr.TryGetValue(request.Symbol, out var atr) ? atr : (decimal?)null);
}
