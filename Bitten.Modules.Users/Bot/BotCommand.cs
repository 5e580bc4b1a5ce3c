namespace Bitten.Modules.Users.Bot;

/// <summary>A parsed bot command: <c>/name@bot arg…</c> → name (lower case, no bot suffix) and the rest.</summary>
internal sealed record BotCommand(string Name, string Argument)
{
    public static BotCommand? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text[0] != '/')
        {
            return null;
        }

        var space = text.IndexOfAny([' ', '\n']);
        var head = space < 0 ? text[1..] : text[1..space];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        var name = (at < 0 ? head : head[..at]).ToLowerInvariant();
        return name.Length == 0 ? null : new BotCommand(name, space < 0 ? string.Empty : text[(space + 1)..].Trim());
    }
}
