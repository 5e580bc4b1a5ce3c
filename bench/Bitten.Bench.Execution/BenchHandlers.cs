using System.Diagnostics;
using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Signals;
using Bitten.Contracts.Users;
using MediatR;

namespace Bitten.Bench.Execution;

/// <summary>Stand-ins for Users and Signals, and a counter of fills.</summary>
internal sealed class BenchHandlers :
    IRequestHandler<ValidateEaCredentials, EaCredentialsValidation>,
    IRequestHandler<GetUserEntitlements, UserEntitlements?>,
    IRequestHandler<GetMarketQuote, MarketQuote?>,
    INotificationHandler<FireFilled>
{
    public static int Filled;

    public Task<EaCredentialsValidation> Handle(ValidateEaCredentials request, CancellationToken cancellationToken) =>
        Task.FromResult(request.EaId == Program.EaId && request.EaToken == Program.Token ? new EaCredentialsValidation(true, new UserId(1), true) : EaCredentialsValidation.Invalid);

    public Task<UserEntitlements?> Handle(GetUserEntitlements request, CancellationToken cancellationToken) =>
        Task.FromResult<UserEntitlements?>(new UserEntitlements(request.UserId, "COMMANDER", FireMode.ManualAndAuto, true, 1_000_000, true, false, 2m, true));

    public Task<MarketQuote?> Handle(GetMarketQuote request, CancellationToken cancellationToken) =>
        Task.FromResult<MarketQuote?>(new MarketQuote(request.Symbol, 1.09998m, 1.10000m, 0, false, 5, 0.0001m));

    public Task Handle(FireFilled notification, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Filled);
        return Task.CompletedTask;
    }
}

/// <summary>A weekday clock (the weekend guard would refuse every fire on a Saturday run).</summary>
internal sealed class TuesdayClock : TimeProvider
{
    private readonly DateTimeOffset _start = new(2026, 1, 6, 12, 0, 0, TimeSpan.Zero);
    private readonly long _origin = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => _start + Stopwatch.GetElapsedTime(_origin);
}
