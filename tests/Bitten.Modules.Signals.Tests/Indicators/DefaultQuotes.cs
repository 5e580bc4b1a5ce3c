using Bitten.Modules.Signals.Indicators;

namespace Bitten.Modules.Signals.Tests.Indicators;

/// <summary>Stock.Indicators' default.csv (502 daily bars), see tests/data/indicators/README.md.</summary>
internal static class DefaultQuotes
{
    private static readonly Lazy<PriceBar[]> Loaded = new(() =>
    {
        var csv = GoldenCsv.Load("indicators", "default.csv");
        return Enumerable.Range(0, csv.Count).Select(i => new PriceBar(
            new DateTimeOffset(DateTime.Parse(csv.Text(i, "date"), System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero).ToUnixTimeMilliseconds(),
            csv.Number(i, "open"), csv.Number(i, "high"), csv.Number(i, "low"), csv.Number(i, "close"), csv.Number(i, "volume"))).ToArray();
    });

    public static PriceBar[] Bars => Loaded.Value;

    public static GoldenCsv Expected(string file) => GoldenCsv.Load("indicators", file);

    /// <summary>Runs <paramref name="update"/> per bar and collects one value per bar per selector.</summary>
    public static double[][] Run(Action<PriceBar> update, params Func<double>[] selectors)
    {
        var series = selectors.Select(_ => new double[Bars.Length]).ToArray();
        for (var i = 0; i < Bars.Length; i++)
        {
            update(Bars[i]);
            for (var s = 0; s < selectors.Length; s++)
            {
                series[s][i] = selectors[s]();
            }
        }

        return series;
    }
}
