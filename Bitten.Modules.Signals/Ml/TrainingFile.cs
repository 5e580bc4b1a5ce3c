using System.Text.Json;

namespace Bitten.Modules.Signals.Ml;

/// <summary>
/// The training-rows file a backtest (or the ML bench's replay) writes and <c>train --from-file</c> reads:
/// JSON lines, one resolved signal each —
/// <c>{"id":"…","created_ms":…,"symbol":"EURUSD","pattern":"…","outcome":"WIN|LOSS|TIMEOUT","features":{"tcs":…,…}}</c>.
/// TIMEOUT rows are skipped (DOMAIN §7); a malformed line is an error naming the file and line.
/// </summary>
internal static class TrainingFile
{
    public static void Write(TextWriter writer, string id, long createdMs, string symbol, string pattern, string outcome, IReadOnlyDictionary<string, double> features)
    {
        writer.Write(JsonSerializer.Serialize(new Line(id, createdMs, symbol, pattern, outcome, features.ToDictionary(StringComparer.Ordinal)), Options));
        writer.Write('\n');
    }

    public static List<LabelledSignal> Read(string path)
    {
        var rows = new List<LabelledSignal>();
        var number = 0;
        foreach (var text in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            Line? line;
            try
            {
                line = JsonSerializer.Deserialize<Line>(text, Options);
            }
            catch (JsonException ex)
            {
                throw new FormatException($"{Path.GetFileName(path)}:{number}: not a training row ({ex.Message})", ex);
            }

            if (line is null || string.IsNullOrEmpty(line.Pattern) || string.IsNullOrEmpty(line.Symbol) || line.Features is null || string.IsNullOrEmpty(line.Id))
            {
                throw new FormatException($"{Path.GetFileName(path)}:{number}: a training row needs id, created_ms, symbol, pattern, outcome and features");
            }

            var win = line.Outcome?.ToUpperInvariant() switch
            {
                "WIN" => true,
                "LOSS" => false,
                "TIMEOUT" => (bool?)null,
                _ => throw new FormatException($"{Path.GetFileName(path)}:{number}: outcome must be WIN, LOSS or TIMEOUT, not '{line.Outcome}'"),
            };
            if (win is { } w)
            {
                rows.Add(new LabelledSignal(line.Id, line.CreatedMs, line.Pattern, line.Symbol, line.Features, w));
            }
        }

        return rows;
    }

    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed record Line(string Id, long CreatedMs, string Symbol, string Pattern, string? Outcome, Dictionary<string, double>? Features);
}
