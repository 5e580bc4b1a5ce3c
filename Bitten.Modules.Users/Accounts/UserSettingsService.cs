using System.Globalization;
using System.Text.Json;
using Bitten.Contracts.Common;
using Bitten.Contracts.Users;
using Bitten.Modules.Users.Persistence;
using Bitten.Modules.Users.Tiers;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Users.Accounts;

/// <summary>Reads and validates changes to a user's risk profile, drill tone, time zone and per-kind notification modes.</summary>
internal sealed class UserSettingsService(UsersDbContext db, TierCatalog tiers)
{
    public const decimal MinRiskPercent = 0.1m;
    public const decimal MinWinProbabilityFloor = 0.50m;
    public const decimal MinWinProbabilityCeiling = 0.95m;

    public async Task<SettingsDto?> GetAsync(UserId id, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.NotificationSettings).FirstOrDefaultAsync(u => u.Id == id.Value, ct);
        return user is null ? null : ToDto(user);
    }

    /// <summary>Applies <paramref name="change"/>; returns the new settings, or errors keyed by field.</summary>
    public async Task<(SettingsDto? Settings, Dictionary<string, string[]> Errors)> UpdateAsync(UserId id, SettingsDto change, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var user = await db.Users.Include(u => u.NotificationSettings).FirstOrDefaultAsync(u => u.Id == id.Value, ct);
        if (user is null)
        {
            return (null, errors);
        }

        var tier = tiers.Entitlements(id, user.Tier, user.IsActive);
        if (change.RiskPercent is { } risk)
        {
            if (risk < MinRiskPercent || risk > tier.MaxRiskPercent)
            {
                errors["risk_percent"] = [$"must be between {MinRiskPercent} and your tier's maximum {tier.MaxRiskPercent.ToString(CultureInfo.InvariantCulture)} (percent of balance)"];
            }
            else
            {
                user.RiskPercent = risk;
            }
        }

        if (change.AutoFire is { } autoFire)
        {
            if (autoFire && !tier.AutoFireAllowed)
            {
                errors["auto_fire"] = [$"auto-fire needs a tier that allows it (COMMANDER or above); yours is {tier.Tier}"];
            }
            else
            {
                user.AutoFireEnabled = autoFire;
            }
        }

        if (change.MinWinProbability is { } p)
        {
            if (p < MinWinProbabilityFloor || p > MinWinProbabilityCeiling)
            {
                errors["min_win_probability"] = [$"must be between {MinWinProbabilityFloor} and {MinWinProbabilityCeiling}"];
            }
            else
            {
                user.MinWinProbability = p;
            }
        }

        if (change.DrillTone is { } toneText)
        {
            if (Enum.TryParse<DrillTone>(toneText, ignoreCase: true, out var tone) && tone != DrillTone.Unknown && Enum.IsDefined(tone))
            {
                user.DrillTone = tone;
            }
            else
            {
                errors["drill_tone"] = ["must be one of harsh, balanced, encouraging, off"];
            }
        }

        if (change.TimeZone is { } zone)
        {
            if (zone.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) && (found.HasIanaId || zone == "UTC"))
            {
                user.TimeZone = zone;
            }
            else
            {
                errors["time_zone"] = ["must be an IANA time zone id such as Europe/London or America/New_York"];
            }
        }

        if (change.Language is { } language)
        {
            if (language.Length is >= 2 and <= 16 && language.All(c => char.IsAsciiLetter(c) || c == '-'))
            {
                user.LanguageCode = language;
            }
            else
            {
                errors["language"] = ["must be a language tag such as en or pt-BR"];
            }
        }

        foreach (var (kindText, modeText) in change.Notifications ?? [])
        {
            if (!TryParseKind(kindText, out var kind) || !Enum.TryParse<NotificationMode>(modeText, ignoreCase: true, out var mode) || mode == NotificationMode.Unknown || !Enum.IsDefined(mode))
            {
                errors[$"notifications.{kindText}"] = [$"kind must be one of {string.Join(", ", Kinds().Select(Snake))} and mode one of on, silent, off"];
                continue;
            }

            var row = user.NotificationSettings.FirstOrDefault(n => n.Event == kind);
            if (row is null)
            {
                user.NotificationSettings.Add(new NotificationSettingRecord { UserId = user.Id, Event = kind, Mode = mode });
            }
            else
            {
                row.Mode = mode;
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        await db.SaveChangesAsync(ct);
        return (ToDto(user), errors);
    }

    private static SettingsDto ToDto(UserRecord u) => new(
        u.RiskPercent, u.AutoFireEnabled, u.MinWinProbability, u.DrillTone.ToString().ToLowerInvariant(), u.TimeZone, u.LanguageCode,
        Kinds().ToDictionary(Snake, k => (u.NotificationSettings.FirstOrDefault(n => n.Event == k)?.Mode ?? NotificationMode.On).ToString().ToLowerInvariant()));

    private static IEnumerable<AlertKind> Kinds() => Enum.GetValues<AlertKind>().Where(k => k != AlertKind.Unknown);

    private static string Snake(AlertKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    private static bool TryParseKind(string text, out AlertKind kind)
    {
        kind = Kinds().FirstOrDefault(k => Snake(k) == text);
        return kind != AlertKind.Unknown;
    }
}
