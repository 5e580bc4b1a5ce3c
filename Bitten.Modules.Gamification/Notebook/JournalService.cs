using Bitten.Contracts.Common;
using Bitten.Modules.Gamification.Achievements;
using Bitten.Modules.Gamification.Persistence;
using Bitten.Modules.Gamification.Players;
using Bitten.Modules.Gamification.Xp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Gamification.Notebook;

/// <summary>
/// The notebook: a user's own entries only (another user's id reads as not found). A new entry earns XP
/// for the first N entries of the user-local day: slots <c>journal:{user}:{date}:{1..N}</c> in the ledger,
/// so the cap holds even when entries are written at the same moment.
/// </summary>
internal sealed class JournalService(
    GamificationDbContext db, PlayerDirectory players, XpLedger ledger, AchievementService achievements, TimeProvider time, IOptions<XpOptions> xp)
{
    public const int MaxText = 4000;
    public const int MaxTags = 10;

    public static string? Validate(string? text, string? mood, IReadOnlyList<string>? tags, out string field)
    {
        field = "text";
        if (string.IsNullOrWhiteSpace(text))
        {
            return "is required";
        }

        if (text.Length > MaxText)
        {
            return $"must be at most {MaxText} characters (got {text.Length})";
        }

        field = "mood";
        if (mood is { Length: > 32 })
        {
            return "must be at most 32 characters";
        }

        field = "tags";
        if (tags is { Count: > MaxTags })
        {
            return $"at most {MaxTags} tags";
        }

        if (tags?.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > 32 || t.Contains(',', StringComparison.Ordinal)) == true)
        {
            return "each tag must be 1-32 characters without commas";
        }

        return null;
    }

    public static string PackTags(IReadOnlyList<string>? tags) =>
        "," + string.Concat((tags ?? []).Select(t => t.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).Select(t => t + ","));

    public static IReadOnlyList<string> UnpackTags(string packed) => packed.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public async Task<JournalEntry> CreateAsync(UserId user, string text, string? mood, IReadOnlyList<string>? tags, string? fireId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var entry = new JournalEntry
        {
            UserId = user.Value, Text = text, Mood = mood, Tags = PackTags(tags), FireId = fireId,
            CreatedAtMs = now.ToUnixTimeMilliseconds(), UpdatedAtMs = now.ToUnixTimeMilliseconds(),
        };
        db.Journal.Add(entry);
        await db.SaveChangesAsync(ct);

        var row = await players.EnsureAsync(user, ct);
        var date = UserClock.Key(UserClock.LocalDate(now, UserClock.Zone(row.TimeZone)));
        for (var slot = 1; slot <= xp.Value.JournalEntriesPerDay; slot++)
        {
            if (await ledger.AwardAsync(user, xp.Value.JournalEntry, "journal", $"journal:{user}:{date}:{slot}", entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct) is not null)
            {
                break;
            }
        }

        var count = await db.Journal.CountAsync(e => e.UserId == user.Value, ct);
        await achievements.UpdateAsync(user, AchievementRules.Journal, count, ct);
        return entry;
    }

    /// <summary>A linked fire must be one of the user's own fills (as heard from Execution).</summary>
    public Task<bool> OwnsFireAsync(UserId user, string fireId, CancellationToken ct) =>
        db.Fires.AnyAsync(f => f.FireId == fireId && f.UserId == user.Value, ct);

    public Task<JournalEntry?> FindAsync(UserId user, long id, CancellationToken ct) =>
        db.Journal.FirstOrDefaultAsync(e => e.Id == id && e.UserId == user.Value, ct);

    public async Task<IReadOnlyList<JournalEntry>> ListAsync(UserId user, string? tag, int limit, CancellationToken ct)
    {
        var query = db.Journal.AsNoTracking().Where(e => e.UserId == user.Value);
        if (!string.IsNullOrWhiteSpace(tag))
        {
            var packed = "," + tag.Trim().ToLowerInvariant() + ",";
            query = query.Where(e => e.Tags.Contains(packed));
        }

        return await query.OrderByDescending(e => e.CreatedAtMs).ThenByDescending(e => e.Id).Take(limit).ToListAsync(ct);
    }

    public async Task<JournalEntry?> UpdateAsync(UserId user, long id, string text, string? mood, IReadOnlyList<string>? tags, string? fireId, CancellationToken ct)
    {
        var entry = await FindAsync(user, id, ct);
        if (entry is null)
        {
            return null;
        }

        entry.Text = text;
        entry.Mood = mood;
        entry.Tags = PackTags(tags);
        entry.FireId = fireId;
        entry.UpdatedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>Deletes the entry; XP already earned stays (the ledger is append-only).</summary>
    public async Task<bool> DeleteAsync(UserId user, long id, CancellationToken ct) =>
        await db.Journal.Where(e => e.Id == id && e.UserId == user.Value).ExecuteDeleteAsync(ct) == 1;
}
