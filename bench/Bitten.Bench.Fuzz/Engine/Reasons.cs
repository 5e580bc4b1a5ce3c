using System.Text;

namespace Bitten.Bench.Fuzz.Engine;

/// <summary>Turns a parser's error text into a bounded reason label: quoted values and numbers removed, cut at the first colon.</summary>
internal static class Reasons
{
    public static string FromMessage(string message)
    {
        var text = new StringBuilder(64);
        var quote = '\0';
        var lastDigit = false;
        foreach (var c in message)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                    text.Append('…').Append(c);
                }

                continue;
            }

            if (c is '\'' or '"')
            {
                quote = c;
                text.Append(c);
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
            if (text.Length >= 72)
            {
                break;
            }
        }

        return text.ToString().Trim().TrimEnd('.', ',');
    }
}
