namespace Bitten.Modules.Signals.Tests.Indicators;

/// <summary>Row-by-row comparison of computed series with golden columns.</summary>
internal static class Golden
{
    /// <summary>Every row: NaN where the golden cell is empty, else equal within <paramref name="relative"/>.</summary>
    public static void ShouldMatch(this IReadOnlyList<double> actual, GoldenCsv expected, string column, double relative = 1e-12)
    {
        actual.Count.ShouldBe(expected.Count, $"row count of {column}");
        var failures = new List<string>();
        for (var i = 0; i < expected.Count; i++)
        {
            var want = expected.Number(i, column);
            var got = actual[i];
            if (double.IsNaN(want) != double.IsNaN(got)
                || (!double.IsNaN(want) && Math.Abs(got - want) > relative * Math.Max(1e-300, Math.Max(Math.Abs(want), Math.Abs(got)))))
            {
                failures.Add($"row {i}: expected {want:R}, got {got:R}");
            }
        }

        failures.ShouldBeEmpty($"{column}: {failures.Count} rows differ");
    }
}
