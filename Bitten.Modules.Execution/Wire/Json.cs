using System.Globalization;
using System.Text.Json;

namespace Bitten.Modules.Execution.Wire;

/// <summary>
/// Lenient readers for EA JSON: numbers may arrive as strings; a wrong type reads as absent, and so does a string
/// System.Text.Json cannot decode (invalid UTF-8, an escaped lone surrogate — it validates those only when decoding).
/// </summary>
internal static class Json
{
    public static string? Str(this JsonElement e, string name) =>
        TryGet(e, name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => Text(v),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    public static decimal? Dec(this JsonElement e, string name)
    {
        if (!TryGet(e, name, out var v))
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d))
        {
            return d;
        }

        return v.ValueKind == JsonValueKind.String && decimal.TryParse(Text(v), NumberStyles.Float, CultureInfo.InvariantCulture, out d) ? d : null;
    }

    public static long? Long(this JsonElement e, string name)
    {
        if (!TryGet(e, name, out var v))
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number)
        {
            if (v.TryGetInt64(out var l))
            {
                return l;
            }

            return v.TryGetDouble(out var dbl) && dbl is > long.MinValue and < long.MaxValue ? (long)dbl : null;
        }

        return v.ValueKind == JsonValueKind.String && long.TryParse(Text(v), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : null;
    }

    /// <summary>The array under <paramref name="name"/>; false when absent, not an array, or the names cannot be decoded.</summary>
    public static bool TryGetArray(this JsonElement e, string name, out JsonElement array) =>
        TryGet(e, name, out array) && array.ValueKind == JsonValueKind.Array;

    public static string Type(this JsonElement e) => (e.Str("type") ?? string.Empty).ToLowerInvariant();

    private static bool TryGet(JsonElement e, string name, out JsonElement value)
    {
        value = default;
        try
        {
            return e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out value);
        }
        catch (InvalidOperationException)
        {
            return false; // another property's name cannot be decoded
        }
    }

    private static string? Text(JsonElement v)
    {
        try
        {
            return v.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
