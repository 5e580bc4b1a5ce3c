using System.Text;

namespace Bitten.Bench.Fuzz.Engine;

/// <summary>Turns a parser's error text into a bounded reason label: quoted values and numbers replaced, cut at the first colon.</summary>
internal static class Reasons
{
    public static string FromMessage(string message)
    {
        var text = new StringBuilder(64);
        var lastDigit = false;
        for (var i = 0; i < message.Length && text.Length < 72; i++)
        {
            var c = message[i];
            if (c is '\'' or '"' && Closing(message, i) is var end && end > i)
            {
                // a quoted value may itself hold quotes: it ends at the last quote followed by a word boundary
                text.Append(c).Append('…').Append(c);
                i = end;
                lastDigit = false;
                continue;
            }

            if (c is ':' or '(' or ';')
            {
                break;
            }

            if (char.IsDigit(c))
            {
                if (!lastDigit)
                {
                    text.Append('N');
                }

                lastDigit = true;
                continue;
            }

            lastDigit = false;
            text.Append(c);
        }

        return text.ToString().Trim().TrimEnd('.', ',');
    }

    private static int Closing(string message, int open)
    {
        var quote = message[open];
        var end = -1;
        for (var j = open + 1; j < message.Length; j++)
        {
            if (message[j] == quote && (j + 1 == message.Length || message[j + 1] is ' ' or ',' or ')' or '-' or ':' or ';'))
            {
                end = j;
            }
        }

        return end;
    }
}
