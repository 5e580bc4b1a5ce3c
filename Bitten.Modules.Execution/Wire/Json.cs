using System.Globalization;
using System.Text.Json;

namespace Bitten.Modules.Execution.Wire;

/// <summary>Lenient readers for EA JSON: numbers may arrive as strings; a wrong type reads as absent.</summary>
internal static class Json
{
    public static string? Str(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    public static decimal? Dec(this JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d))
        {
            return d;
        }

        return v.ValueKind == JsonValueKind.String && decimal.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d) ? d : null;
    }

    public static long? Long(this JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
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

        return v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : null;
    }

    public static string Type(this JsonElement e) => (e.Str("type") ?? string.Empty).ToLowerInvariant();
}
