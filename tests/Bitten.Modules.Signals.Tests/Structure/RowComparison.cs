using Bitten.Modules.Signals.Tests.Indicators;

namespace Bitten.Modules.Signals.Tests.Structure;

/// <summary>Collects row mismatches against a golden smc file and fails with the first few.</summary>
internal sealed class RowComparison(GoldenCsv expected, string file)
{
    private readonly List<string> _failures = [];

    public GoldenCsv Expected { get; } = expected;

    /// <summary>A float64 column: NaN (empty) or exactly equal.</summary>
    public void Exact(int row, string column, double actual)
    {
        var want = Expected.Number(row, column);
        if (!(double.IsNaN(want) ? double.IsNaN(actual) : want == actual))
        {
            _failures.Add($"row {row} {column}: expected {want:R}, got {actual:R}");
        }
    }

    /// <summary>A float32 column: the printed shortest repr parsed back to float must equal the value.</summary>
    public void Float(int row, string column, float actual)
    {
        var want = Expected.Number(row, column);
        if (!(double.IsNaN(want) ? float.IsNaN(actual) : (float)want == actual))
        {
            _failures.Add($"row {row} {column}: expected {want:R}, got {actual:R}");
        }
    }

    public void ShouldHaveNoFailures()
    {
        _failures.Take(10).ToList().ShouldBeEmpty($"{file}: {_failures.Count} mismatches");
    }
}
