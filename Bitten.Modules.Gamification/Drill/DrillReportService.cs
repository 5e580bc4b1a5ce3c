using System.Globalization;
using System.Net;
using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Users;
using Bitten.Modules.Gamification.Persistence;
using Bitten.Modules.Gamification.Players;
using Bitten.Modules.Gamification.Tactics;
using Bitten.Modules.Gamification.Xp;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Gamification.Drill;

/// <summary>
/// Once a user's local clock passes the report hour, composes the day's drill report (and on the weekly
/// day a 7-day summary) and asks Users to deliver it (<c>QueueUserAlert</c>, dedupe key
/// <c>drill:{user}:{yyyy-MM-dd}</c>). A failed user is retried on the next run; one bad user never stops the rest.
/// </summary>
internal sealed class DrillReportService(
    GamificationDbContext db, PlayerDirectory players, XpLedger ledger, TacticService tactics, IMediator mediator,
    TimeProvider time, IOptions<DrillReportOptions> options, ILogger<DrillReportService> logger)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var ids = await db.Users.AsNoTracking().Select(u => u.UserId).ToListAsync(ct);
        var sent = 0;
        foreach (var id in ids)
        {
            try
            {
                sent += await ReportAsync(new UserId(id), now, ct) ? 1 : 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                db.ChangeTracker.Clear();
                Log.DrillReportFailed(logger, id, ex);
            }
        }

        return sent;
    }

    /// <summary>True when a daily report was asked for now.</summary>
    public async Task<bool> ReportAsync(UserId user, DateTimeOffset now, CancellationToken ct)
    {
        var settings = options.Value;
        var row = await db.Users.FirstAsync(u => u.UserId == user.Value, ct);
        var zone = UserClock.Zone(row.TimeZone);
        var local = UserClock.LocalNow(now, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var key = UserClock.Key(date);
        if (local.Hour < settings.LocalHour || row.LastDrillReportDate == key)
        {
            return false;
        }

        row = await players.EnsureAsync(user, ct); // the tone and zone as Users knows them now
        var style = (DrillTone)row.DrillTone;
        if (style == DrillTone.Off)
        {
            Log.DrillReportQueued(logger, "daily", user.Value, key, "-", "Off");
            return await MarkAsync(row, key, ct);
        }

        var today = await RecordAsync(user, date, date, zone, ct);
        var yesterday = await RecordAsync(user, date.AddDays(-1), date.AddDays(-1), zone, ct);
        var tone = ToneRules.Select(today, yesterday);
        var (tactic, _) = await tactics.TodayAsync(user, now, ct);
        var (from, to) = UserClock.DayRangeMs(date, zone);
        var xp = await ledger.EarnedBetweenAsync(user, from, to, ct);
        var guidance = DrillWording.Guidance(tone, style, date.DayNumber, settings.Guidance);
        var html = Compose("DRILL REPORT", key, tone, today, tactic, xp, guidance);
        var outcome = await mediator.Send(new QueueUserAlert(user, AlertKind.DrillReport, html, $"drill:{user}:{key}"), ct);
        Log.DrillReportQueued(logger, "daily", user.Value, key, tone.ToString(), outcome.ToString());

        if (date.DayOfWeek == settings.WeeklyOn)
        {
            var week = await RecordAsync(user, date.AddDays(-6), date, zone, ct);
            var weekXp = await ledger.EarnedBetweenAsync(user, UserClock.DayStart(date.AddDays(-6), zone).ToUnixTimeMilliseconds(), to, ct);
            var weekTone = ToneRules.Select(week, DayRecord.Empty);
            var weekly = Compose("WEEKLY SUMMARY", $"{UserClock.Key(date.AddDays(-6))} – {key}", weekTone, week, tactic, weekXp,
                DrillWording.Guidance(weekTone, style, date.DayNumber, settings.Guidance));
            var weekOutcome = await mediator.Send(new QueueUserAlert(user, AlertKind.DrillReport, weekly, $"drill-week:{user}:{key}"), ct);
            Log.DrillReportQueued(logger, "weekly", user.Value, key, weekTone.ToString(), weekOutcome.ToString());
        }

        return await MarkAsync(row, key, ct);
    }

    internal static string Compose(string title, string period, ReportTone tone, DayRecord record, string tactic, long xp, string guidance)
    {
        var c = CultureInfo.InvariantCulture;
        return string.Create(c, $"""
            <b>{title} — {period}</b>
            Tone: <b>{tone.ToString().ToUpperInvariant()}</b>
            Trades: {record.Trades} (W {record.Wins} / L {record.Losses})
            Net: {record.NetR:+0.00;-0.00;0.00} R · win rate {record.WinRatePercent:0} %
            Tactic: {tactic}
            XP gained: +{xp}
            <i>{WebUtility.HtmlEncode(guidance)}</i>
            """);
    }

    private async Task<DayRecord> RecordAsync(UserId user, DateOnly first, DateOnly last, TimeZoneInfo zone, CancellationToken ct)
    {
        var from = UserClock.DayStart(first, zone).ToUnixTimeMilliseconds();
        var to = UserClock.DayStart(last.AddDays(1), zone).ToUnixTimeMilliseconds();
        var trades = await db.Trades.AsNoTracking()
            .Where(t => t.UserId == user.Value && t.ClosedAtMs >= from && t.ClosedAtMs < to)
            .Select(t => new { t.Result, t.RMultiple }).ToListAsync(ct);
        return new DayRecord(trades.Count, trades.Count(t => t.Result == (int)TradeResult.Win),
            trades.Count(t => t.Result == (int)TradeResult.Loss), trades.Sum(t => t.RMultiple));
    }

    private async Task<bool> MarkAsync(GameUser row, string key, CancellationToken ct)
    {
        row.LastDrillReportDate = key;
        await db.SaveChangesAsync(ct);
        return row.DrillTone != (int)DrillTone.Off;
    }
}
