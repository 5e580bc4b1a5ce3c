using System.Globalization;

namespace Bitten.Modules.Signals.Tests.Indicators;

/// <summary>A comma-separated golden file under tests/data: header plus rows, empty cell = NaN.</summary>
internal sealed class GoldenCsv
{
    private readonly Dictionary<string, int> _columns;

    private GoldenCsv(string[] header, List<string[]> rows)
    {
        _columns = header.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index, StringComparer.Ordinal);
        Rows = rows;
    }

    public IReadOnlyList<string[]> Rows { get; }

    public int Count => Rows.Count;

    public static GoldenCsv Load(params string[] relativePath)
    {
        var path = Path.Combine([TestEnvironment.TestData, .. relativePath]);
        var lines = File.ReadAllLines(path);
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        return new GoldenCsv(header, rows);
    }

    public string Text(int row, string column) => Rows[row][_columns[column]];

    public double Number(int row, string column)
    {
        var text = Text(row, column);
        return text.Length == 0 ? double.NaN : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>An integer column written as a float ("153.0"), or <paramref name="empty"/> for an empty cell.</summary>
    public int Integer(int row, string column, int empty = int.MinValue)
    {
        var value = Number(row, column);
        return double.IsNaN(value) ? empty : checked((int)value);
    }

    public double[] Column(string column) => Enumerable.Range(0, Count).Select(r => Number(r, column)).ToArray();
}
