using Bitten.Modules.Signals.Engine;

namespace Bitten.Modules.Signals.Tests.Engine;

public sealed class RollingWindowTests
{
    [Theory]
    [InlineData(100, 0.0)]
    [InlineData(20, 0.0)]
    [InlineData(7, 0.05)]
    [InlineData(100, 0.02)]
    public void MedianAndPercentileOf_OverALongRandomSeries_EqualTheSortAndScanOfTheLastValues(int capacity, double nanShare)
    {
        var random = new Random(capacity + (int)(nanShare * 1000));
        var window = new RollingWindow(capacity);
        var values = new List<double>();
        for (var i = 0; i < 5_000; i++)
        {
            // Repeats (rounded values) and both zeros are the cases a sorted copy can get wrong.
            var value = random.NextDouble() < nanShare ? double.NaN : i % 97 == 0 ? -0.0 : Math.Round(random.NextDouble() * 10, 1);
            window.Add(value);
            values.Add(value);
            var last = values.Skip(Math.Max(0, values.Count - capacity)).ToArray();
            var probe = random.NextDouble() < 0.1 ? double.NaN : Math.Round(random.NextDouble() * 10, 1);

            window.Count.ShouldBe(last.Length);
            window.Median().ShouldBe(NaiveMedian(last));
            window.PercentileOf(probe).ShouldBe(100.0 * last.Count(v => v < probe) / last.Length);
        }
    }

    [Fact]
    public void Median_WhenEmpty_IsNaNAndPercentileIsFifty()
    {
        var window = new RollingWindow(10);

        window.Median().ShouldBe(double.NaN);
        window.PercentileOf(1).ShouldBe(50);
    }

    private static double NaiveMedian(double[] values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
    }
}
