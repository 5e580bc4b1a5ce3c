using Bitten.Contracts.Common;
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
        var dayStart = UserAccounts.DayStartMs(now);
        var profits = await db.Fires.AsNoTracking()
            .Where(f => f.UserId == request.UserId.Value && f.Status == FireStatus.Closed && f.ClosedAtMs >= dayStart)
            .Select(f => f.Profit).ToListAsync(cancellationToken);
        return UserAccounts.Of(request.UserId, ea, profits.Sum(p => p ?? 0), now, options.Value.StaleAfter);
    }
}

/// <summary>
/// Answers <see cref="GetUserAccounts"/>: the fire target of every asked user from one pass over the registry, and
/// today's realised profit of all of them from one query (closed fires of today, read on the status index) — a
/// fan-out of thousands used to send thousands of <see cref="GetUserAccount"/> and <see cref="GetBrokerSymbol"/>.
/// </summary>
internal sealed class GetUserAccountsHandler(EaRegistry registry, ExecutionDbContext db, IOptions<ExecutionOptions> options, TimeProvider time)
    : IRequestHandler<GetUserAccounts, IReadOnlyList<UserAccountWithSymbol>>
{
    public async Task<IReadOnlyList<UserAccountWithSymbol>> Handle(GetUserAccounts request, CancellationToken cancellationToken)
    {
        if (request.UserIds.Count == 0)
        {
            return [];
        }

        await registry.EnsureLoadedAsync(cancellationToken);
        var asked = request.UserIds.Select(u => u.Value).ToHashSet();
        var targets = new Dictionary<long, EaState>(asked.Count);
        foreach (var ea in registry.Snapshot())
        {
            if (asked.Contains(ea.UserId) && (!targets.TryGetValue(ea.UserId, out var best) || EaRegistry.IsBetterTarget(ea, best)))
            {
                targets[ea.UserId] = ea;
            }
        }

        var now = time.GetUtcNow();
        var dayStart = UserAccounts.DayStartMs(now);
        var closedToday = await db.Fires.AsNoTracking()
            .Where(f => f.Status == FireStatus.Closed && f.ClosedAtMs >= dayStart)
            .Select(f => new { f.UserId, f.Profit }).ToListAsync(cancellationToken);
        var profit = new Dictionary<long, decimal>();
        foreach (var f in closedToday)
        {
            if (targets.ContainsKey(f.UserId))
            {
                profit[f.UserId] = profit.GetValueOrDefault(f.UserId) + (f.Profit ?? 0);
            }
        }

        var answer = new List<UserAccountWithSymbol>(targets.Count);
        foreach (var (userId, ea) in targets)
        {
            if (ea.LastSeenMs <= 0)
            {
                continue;
            }

            var spec = request.Symbol is { } symbol && ea.Symbols.TryGetValue(symbol, out var s) ? s : null;
            answer.Add(new UserAccountWithSymbol(UserAccounts.Of(new UserId(userId), ea, profit.GetValueOrDefault(userId), now, options.Value.StaleAfter), spec));
        }

        return answer;
    }
}

internal static class UserAccounts
{
    public static long DayStartMs(DateTimeOffset now) => new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).ToUnixTimeMilliseconds();

    public static UserAccount Of(UserId user, EaState ea, decimal realisedToday, DateTimeOffset now, TimeSpan staleAfter)
    {
        var today = now.ToUnixTimeMilliseconds() / 86_400_000;
        var startOfDay = ea.StartOfDayDay == today && ea.StartOfDayEquity is { } sod ? sod : ea.Equity;
        return new UserAccount(user, ea.EaId, ea.Currency, ea.Balance, ea.Equity, ea.IsFresh(now, staleAfter),
            DateTimeOffset.FromUnixTimeMilliseconds(ea.LastSeenMs), startOfDay, realisedToday);
    }
}
