using System.Globalization;
using Bitten.Modules.Signals.Indicators;
using Bitten.Modules.Signals.Tests.Indicators;

namespace Bitten.Modules.Signals.Tests.Structure;

/// <summary>smart-money-concepts' EURUSD_15M.csv (24,424 bars, broker clock read as UTC), see tests/data/smc/README.md.</summary>
internal static class EurUsd15M
{
    private static readonly Lazy<PriceBar[]> Loaded = new(() =>
    {
        var csv = GoldenCsv.Load("smc", "EURUSD_15M.csv");
        return Enumerable.Range(0, csv.Count).Select(i => new PriceBar(
            new DateTimeOffset(DateTime.ParseExact(csv.Text(i, "Date"), "yyyy.MM.dd HH:mm:ss", CultureInfo.InvariantCulture), TimeSpan.Zero).ToUnixTimeMilliseconds(),
            csv.Number(i, "Open"), csv.Number(i, "High"), csv.Number(i, "Low"), csv.Number(i, "Close"), csv.Number(i, "Volume"))).ToArray();
    });

    public static PriceBar[] Bars => Loaded.Value;

    public static GoldenCsv Expected(string file) => GoldenCsv.Load("smc", file);
}
