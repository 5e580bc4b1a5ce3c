using System.Text.RegularExpressions;

namespace Bitten.Contracts.Common;

/// <summary>Identifies an Expert Advisor (a linked terminal): 3–64 characters of <c>[A-Za-z0-9_.-]</c>.</summary>
public readonly partial record struct EaId
{
    public EaId(string value)
    {
        if (!IsValid(value))
        {
            throw new ArgumentException("An ea_id is 3–64 characters of letters, digits, '_', '.' or '-'.", nameof(value));
        }

        Value = value;
    }

    public string Value { get; }

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    public override string ToString() => Value;

    [GeneratedRegex("^[A-Za-z0-9_.-]{3,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
