using System.Text.Json;

namespace Bitten.Modules.Signals.Ml;

/// <summary>
/// The training-rows file a backtest (or the ML bench's replay) writes and <c>train --from-file</c> reads:
/// JSON lines, one resolved signal each —
/// <c>{"id":"…","created_ms":…,"symbol":"EURUSD","pattern":"…","outcome":"WIN|LOSS|TIMEOUT","features":{"tcs":…,…}}</c>.
/// TIMEOUT rows are skipped (DOMAIN §7); a malformed line is an error naming the file and line.
/// The backtest verb's <c>signals.csv</c> is read too (recognised by its <c>signal_id,</c> header): columns
/// <c>signal_id</c>, <c>created_utc</c>, <c>symbol</c>, <c>pattern</c>, <c>label</c> (1 WIN, 0 LOSS, empty
/// otherwise: skipped) and one <c>f_&lt;name&gt;</c> column per stored feature (empty: absent).
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
        using (var probe = new StreamReader(path))
        {
            if (probe.ReadLine()?.StartsWith("signal_id,", StringComparison.Ordinal) == true)
            {
                probe.Close();
                return ReadBacktestCsv(path);
            }
        }

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

    private static List<LabelledSignal> ReadBacktestCsv(string path)
    {
        var rows = new List<LabelledSignal>();
        var name = Path.GetFileName(path);
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()!.Split(',');
        int Column(string column) => Array.IndexOf(header, column) is var i and >= 0 ? i : throw new FormatException($"{name}:1: no '{column}' column");
        var (id, created, symbol, pattern, label) = (Column("signal_id"), Column("created_utc"), Column("symbol"), Column("pattern"), Column("label"));
        var features = header.Select((h, i) => (Name: h, Index: i)).Where(c => c.Name.StartsWith("f_", StringComparison.Ordinal)).ToArray();
        var number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            var f = line.Split(',');
            if (f.Length != header.Length)
            {
                throw new FormatException($"{name}:{number}: {f.Length} fields, the header has {header.Length}");
            }

            if (f[label].Length == 0)
            {
                continue; // TIMEOUT or open: not a label
            }

            if (f[label] is not ("0" or "1"))
            {
                throw new FormatException($"{name}:{number}: label must be 1, 0 or empty, not '{f[label]}'");
            }

            if (!DateTimeOffset.TryParse(f[created], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at))
            {
                throw new FormatException($"{name}:{number}: created_utc '{f[created]}' is not a time");
            }

            var values = new Dictionary<string, double>(features.Length, StringComparer.Ordinal);
            foreach (var (column, index) in features)
            {
                if (f[index].Length == 0)
                {
                    continue;
                }

                if (!double.TryParse(f[index], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v))
                {
                    throw new FormatException($"{name}:{number}: {column} '{f[index]}' is not a number");
                }

                values[column[2..]] = v;
            }

            rows.Add(new LabelledSignal(f[id], at.ToUnixTimeMilliseconds(), f[pattern], f[symbol], values, f[label] == "1"));
        }

        return rows;
    }

    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed record Line(string Id, long CreatedMs, string Symbol, string Pattern, string? Outcome, Dictionary<string, double>? Features);
}
