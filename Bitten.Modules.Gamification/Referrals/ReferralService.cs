using Bitten.Contracts.Common;
using Bitten.Modules.Gamification.Persistence;
using Bitten.Modules.Gamification.Players;
using Bitten.Modules.Gamification.Xp;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Gamification.Referrals;

/// <summary>
/// Referral rules: no self-referral; a recruit counts once (first referrer wins); at most
/// <see cref="GamificationOptions.MaxReferralsPerDay"/> per referrer per referrer-local day (more are not counted
/// and earn nothing); the referrer earns join XP now and first-fire XP when the recruit's first fire fills.
/// </summary>
internal sealed class ReferralService(
    GamificationDbContext db, PlayerDirectory players, XpLedger ledger, UserStateGate gate,
    IOptions<GamificationOptions> options, IOptions<XpOptions> xp, ILogger<ReferralService> logger)
{
    public async Task<ReferralOutcome> RecordAsync(UserId referrer, UserId recruit, DateTimeOffset at, CancellationToken ct)
    {
        var outcome = await CountAsync(referrer, recruit, at, ct);
        if (outcome == ReferralOutcome.Counted || outcome == ReferralOutcome.AlreadyCounted)
        {
            var stored = await db.Referrals.AsNoTracking().FirstAsync(r => r.RecruitId == recruit.Value, ct);
            if (stored.ReferrerId == referrer.Value)
            {
                // Also completes the award if a crash came between the referral row and the XP row.
                await ledger.AwardAsync(referrer, xp.Value.ReferralJoin, "referral_join", $"referral-join:{recruit}", recruit.ToString(), ct);
            }
        }

        Log.ReferralHandled(logger, referrer.Value, recruit.Value, outcome.ToString());
        return outcome;
    }

    public Task<int> RecruitsAsync(UserId referrer, CancellationToken ct) => db.Referrals.CountAsync(r => r.ReferrerId == referrer.Value, ct);

    private async Task<ReferralOutcome> CountAsync(UserId referrer, UserId recruit, DateTimeOffset at, CancellationToken ct)
    {
        if (referrer == recruit)
        {
            return ReferralOutcome.SelfReferral;
        }

        // Count-then-insert must not interleave, or two referrals at once could both pass the daily limit.
        using var _ = await gate.EnterAsync(ct);
        var existing = await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.RecruitId == recruit.Value, ct);
        if (existing is not null)
        {
            return existing.ReferrerId == referrer.Value ? ReferralOutcome.AlreadyCounted : ReferralOutcome.RecruitTaken;
        }

        var row = await players.EnsureAsync(referrer, ct);
        var zone = UserClock.Zone(row.TimeZone);
        var (from, to) = UserClock.DayRangeMs(UserClock.LocalDate(at, zone), zone);
        var today = await db.Referrals.CountAsync(r => r.ReferrerId == referrer.Value && r.ReferredAtMs >= from && r.ReferredAtMs < to, ct);
        if (today >= options.Value.MaxReferralsPerDay)
        {
            return ReferralOutcome.DailyLimit;
        }

        var referral = new Referral { RecruitId = recruit.Value, ReferrerId = referrer.Value, ReferredAtMs = at.ToUnixTimeMilliseconds() };
        db.Referrals.Add(referral);
        try
        {
            await db.SaveChangesAsync(ct);
            return ReferralOutcome.Counted;
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            db.Entry(referral).State = EntityState.Detached;
            return ReferralOutcome.RecruitTaken;
        }
    }
}
