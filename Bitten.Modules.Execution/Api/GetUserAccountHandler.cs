using Bitten.Contracts.Execution;
using Bitten.Modules.Execution.Fires;
using Bitten.Modules.Execution.Persistence;
using Bitten.Modules.Execution.Registry;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Execution.Api;

/// <summary>The user's default EA (else the most recently seen): balance, equity, start-of-day equity and today's realised profit.</summary>
internal sealed class GetUserAccountHandler(EaRegistry registry, ExecutionDbContext db, IOptions<ExecutionOptions> options, TimeProvider time) : IRequestHandler<GetUserAccount, UserAccount?>
{
    public async Task<UserAccount?> Handle(GetUserAccount request, CancellationToken cancellationToken)
    {
        await registry.EnsureLoadedAsync(cancellationToken);
        if (registry.TargetFor(request.UserId.Value) is not { LastSeenMs: > 0 } ea)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var dayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var profits = await db.Fires.AsNoTracking()
            .Where(f => f.UserId == request.UserId.Value && f.Status == FireStatus.Closed && f.ClosedAtMs >= dayStart)
            .Select(f => f.Profit).ToListAsync(cancellationToken);
        var today = now.ToUnixTimeMilliseconds() / 86_400_000;
        var startOfDay = ea.StartOfDayDay == today && ea.StartOfDayEquity is { } sod ? sod : ea.Equity;
        return new UserAccount(request.UserId, ea.EaId, ea.Currency, ea.Balance, ea.Equity, ea.IsFresh(now, options.Value.StaleAfter),
            DateTimeOffset.FromUnixTimeMilliseconds(ea.LastSeenMs), startOfDay, profits.Sum(p => p ?? 0));
    }
}
