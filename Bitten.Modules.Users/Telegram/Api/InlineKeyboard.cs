using System.Text.Json.Serialization;

namespace Bitten.Modules.Users.Telegram.Api;

/// <summary>Bot API <c>InlineKeyboardMarkup</c>: rows of buttons under a message.</summary>
internal sealed record InlineKeyboard([property: JsonPropertyName("inline_keyboard")] IReadOnlyList<IReadOnlyList<InlineButton>> Rows)
{
    public static InlineKeyboard Row(params InlineButton[] buttons) => new([buttons]);
}
