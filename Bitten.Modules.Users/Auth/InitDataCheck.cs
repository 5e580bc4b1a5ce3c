using Bitten.Modules.Users.Accounts;

namespace Bitten.Modules.Users.Auth;

/// <summary>The outcome of checking Mini App initData: the verified fields, or why it was refused.</summary>
internal sealed record InitDataCheck(bool Valid, string? Error, IReadOnlyDictionary<string, string> Fields, TelegramIdentity? User)
{
    public static InitDataCheck Fail(string error) => new(false, error, new Dictionary<string, string>(), null);

    public string? StartParam => Fields.GetValueOrDefault("start_param");
}
