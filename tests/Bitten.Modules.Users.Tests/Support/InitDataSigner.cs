using System.Text.Json;
using Bitten.Modules.Users.Auth;

namespace Bitten.Modules.Users.Tests.Support;

/// <summary>Builds initData the way Telegram does, for tests that need fresh auth_dates.</summary>
internal static class InitDataSigner
{
    public static string Sign(string botToken, long authDate, long telegramId, params (string Key, string Value)[] extra) =>
        Sign(botToken, authDate, telegramId, "Test", null, extra);

    public static string Sign(string botToken, long authDate, long telegramId, string firstName, string? startParam, params (string Key, string Value)[] extra)
    {
        var user = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = telegramId,
            ["first_name"] = firstName,
            ["username"] = "user" + telegramId,
            ["language_code"] = "en",
        });
        var fields = new Dictionary<string, string>
        {
            ["auth_date"] = authDate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["query_id"] = "AAF03wc0AgAAAHTfBzROOCVW",
            ["user"] = user,
        };
        if (startParam is not null)
        {
            fields["start_param"] = startParam;
        }

        foreach (var (key, value) in extra)
        {
            fields[key] = value;
        }

        var hash = Convert.ToHexStringLower(InitDataValidator.ComputeHash(botToken, InitDataValidator.DataCheckString(fields)));
        return string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")) + "&hash=" + hash;
    }
}
