using Bitten.Modules.Signals.Replay;

namespace Bitten.Modules.Signals.Tests.Replay;

/// <summary>Paths of the shared reference history and helpers to read a whole file or catch its first error.</summary>
internal static class HistoryFiles
{
    public static string HistData(string month) => Path.Combine(TestEnvironment.SharedData, "fx", "histdata_eurusd_m1_2017", $"DAT_ASCII_EURUSD_M1_2017{month}.csv");

    public static string Mt4 => Path.Combine(TestEnvironment.SharedData, "fx", "mt4_eurusd_m1_2022", "EURUSD1.csv");

    public static string H4 => Path.Combine(TestEnvironment.SharedData, "fx", "h4_gmt", "EURUSD_H4.csv");

    public static string Mt5M15 => Path.Combine(TestEnvironment.SharedData, "smc", "EURUSD_15M.csv");

    public static string Ticks => Path.Combine(TestEnvironment.SharedData, "ticks", "sample_tick_data.json");

    public static List<HistoricalBar> All(BarReader reader)
    {
        using (reader)
        {
            var bars = new List<HistoricalBar>();
            while (reader.TryRead(out var bar))
            {
                bars.Add(bar);
            }

            return bars;
        }
    }

    public static List<HistoricalTick> All(TickReader reader)
    {
        using (reader)
        {
            var ticks = new List<HistoricalTick>();
            while (reader.TryRead(out var tick))
            {
                ticks.Add(tick);
            }

            return ticks;
        }
    }

    public static long Utc(int y, int mo, int d, int h, int mi, int s = 0, int ms = 0) => new DateTimeOffset(y, mo, d, h, mi, s, ms, TimeSpan.Zero).ToUnixTimeMilliseconds();
}
