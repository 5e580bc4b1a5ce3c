namespace Bitten.Modules.Users.Accounts;

/// <summary>Who Telegram says the user is (from verified initData or a bot update).</summary>
internal sealed record TelegramIdentity(long TelegramId, string FirstName, string? LastName, string? Username, string? LanguageCode)
{
    public string DisplayName
    {
        get
        {
            var name = string.IsNullOrWhiteSpace(LastName) ? FirstName : $"{FirstName} {LastName}";
            name = string.IsNullOrWhiteSpace(name) ? Username ?? $"user {TelegramId}" : name.Trim();
            return name.Length <= 128 ? name : name[..128];
        }
    }
}
