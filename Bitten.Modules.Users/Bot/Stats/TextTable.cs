using static System.Net.WebUtility;

namespace Bitten.Modules.Users.Bot.Stats;

/// <summary>A fixed-width table in a Telegram <c>&lt;pre&gt;</c> block, split into messages under Telegram's 4,096-character limit.</summary>
internal static class TextTable
{
    public const int MessageLimit = 4096;

    public static IReadOnlyList<string> Render(string title, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, int limit = MessageLimit)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        string Line(IReadOnlyList<string> cells) => string.Join("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd();
        var lines = rows.Select(Line).ToList();
        var head = HtmlEncode(Line(header)) ?? string.Empty;
        var messages = new List<string>();
        var current = new List<string>();
        var length = 0;
        var overhead = title.Length + head.Length + 32; // title, header, <pre></pre> and newlines
        foreach (var line in lines.Select(l => HtmlEncode(l) ?? string.Empty))
        {
            if (current.Count > 0 && overhead + length + line.Length + 1 > limit)
            {
                messages.Add(Wrap(title, head, current));
                current = [];
                length = 0;
            }

            current.Add(line);
            length += line.Length + 1;
        }

        messages.Add(Wrap(title, head, current));
        return messages;
    }

    private static string Wrap(string title, string head, List<string> lines) =>
        $"{title}\n<pre>{head}\n{string.Join("\n", lines)}</pre>";
}
