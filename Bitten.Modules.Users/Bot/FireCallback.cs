using Bitten.Contracts.Common;

namespace Bitten.Modules.Users.Bot;

/// <summary>The callback_data of an inline FIRE button: <c>fire:&lt;mission id&gt;</c> (31 bytes, under Telegram's 64).</summary>
internal static class FireCallback
{
    private const string Prefix = "fire:";

    public static string Data(MissionId mission) => Prefix + mission.Value;

    public static bool TryParse(string? data, out MissionId mission)
    {
        mission = default;
        if (data is null || !data.StartsWith(Prefix, StringComparison.Ordinal) || !Ulid.TryParse(data[Prefix.Length..], out var ulid))
        {
            return false;
        }

        mission = new MissionId(ulid.Value);
        return true;
    }
}
