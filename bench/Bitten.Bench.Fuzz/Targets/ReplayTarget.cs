using System.Globalization;
using System.Text;
using System.Text.Json;
using Bitten.Bench.Fuzz.Engine;
using Bitten.Modules.Signals.Replay;

namespace Bitten.Bench.Fuzz.Targets;

/// <summary>
/// One history reader of Signals' Replay (HistData ASCII M1, MetaTrader CSV, tick CSV, tick JSON) over an in-memory stream,
/// after <see cref="ReplaySource.Detect(ReadOnlySpan{byte}, string)"/> looked at the first bytes. The documented rejection is a
/// <see cref="HistoryFormatException"/>; its problem text (values stripped) is the reason. The variant picks the source
/// clock and, for the line readers, a small buffer so lines straddle refills.
/// </summary>
internal sealed class ReplayTarget(HistoryFormat format) : IFuzzTarget
{
    private static readonly SourceClock[] Clocks = [SourceClock.Utc, SourceClock.HistData, SourceClock.Fixed(TimeSpan.FromHours(3)), SourceClock.Parse("UTC+2", out _)!];

    public string Name { get; } = "replay-" + format.ToString().ToLowerInvariant();

    public IReadOnlyList<byte[]> Samples { get; } = [.. LoadSamples(format)];

    public IReadOnlyList<byte[]> Tokens { get; } = [.. new[]
    {
        "20170102 020000", "20170102 235959", "2022.08.15", "10:06", "2022.08.15,10:06,", "2007-09-04 04:00:00", "\t", ";", ",", "\n", "\r\n",
        "Time\tOpen\tHigh\tLow\tClose\tVolume", "<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<TICKVOL>,<VOL>,<SPREAD>", "Gmt time,Ask,Bid,AskVolume,BidVolume",
        "timestamp,bid,ask", "04.02.2019 02:00:00.994", "1549238400994", "1.14545", "1.051550", "[", "]", "{\"timestamp\":", "\"bid\":", "\"ask\":",
        "\"ts_ms\":", "\"time\":", "[1549238400994, 1.14545, 1.14543, 1, 2.06]", "2019-02-04T02:00:00.994Z", "9999.12.31", "0000.00.00", "1e308", "-1",
    }.Select(SampleFiles.Utf8)];

    public string Run(byte[] input, ulong variant)
    {
        try
        {
            _ = ReplaySource.Detect(input.AsSpan(0, Math.Min(512, input.Length)), "fuzz");
        }
        catch (HistoryFormatException)
        {
            // detection refusing is fine: --format names the reader below
        }

        var clock = Clocks[(int)(variant % (ulong)Clocks.Length)];
        var bufferSize = (variant >> 8) % 4 == 0 ? 16 + (int)((variant >> 16) % 240) : 1 << 16;
        var stream = new MemoryStream(input, writable: false);
        var records = 0;
        try
        {
            if (format is HistoryFormat.TickCsv or HistoryFormat.TickJson)
            {
                using TickReader ticks = format == HistoryFormat.TickCsv
                    ? new TickCsvReader(new LineReader(stream, "fuzz.csv", bufferSize), clock)
                    : new TickJsonReader(stream, "fuzz.json", clock);
                while (ticks.TryRead(out _))
                {
                    records++;
                }
            }
            else
            {
                using BarReader bars = format == HistoryFormat.HistData
                    ? new HistDataReader(new LineReader(stream, "fuzz.csv", bufferSize), clock)
                    : new MetaTraderReader(new LineReader(stream, "fuzz.csv", bufferSize), clock, 2 + (int)((variant >> 24) % 4));
                while (bars.TryRead(out _))
                {
                    records++;
                }
            }
        }
        catch (HistoryFormatException ex)
        {
            return Reasons.FromMessage(ex.Problem);
        }

        return records == 0 ? "no_records" : Outcome.Accepted;
    }

    public void Dispose()
    {
    }

    private static IEnumerable<byte[]> LoadSamples(HistoryFormat format)
    {
        switch (format)
        {
            case HistoryFormat.HistData:
                foreach (var file in new[] { "DAT_ASCII_EURUSD_M1_201701.csv", "DAT_ASCII_EURUSD_M1_201703.csv" })
                {
                    foreach (var head in SampleFiles.Head(SampleFiles.Shared("fx", "histdata_eurusd_m1_2017", file), 24))
                    {
                        yield return head;
                    }
                }

                yield return SampleFiles.Utf8("20170102 020000;1.051550;1.051970;1.051550;1.051900;0\r\n20170102 020100;1.052090;1.052090;1.051770;1.051790;0\r\n");
                break;
            case HistoryFormat.MetaTrader:
                foreach (var head in SampleFiles.Head(SampleFiles.Shared("fx", "mt4_eurusd_m1_2022", "EURUSD1.csv"), 24)
                    .Concat(SampleFiles.Head(SampleFiles.Shared("fx", "h4_gmt", "EURUSD_H4.csv"), 24)))
                {
                    yield return head;
                }

                yield return SampleFiles.Utf8("<DATE>\t<TIME>\t<OPEN>\t<HIGH>\t<LOW>\t<CLOSE>\t<TICKVOL>\t<VOL>\t<SPREAD>\n2022.08.15\t10:06:00\t1.02340\t1.02359\t1.02340\t1.02348\t105\t0\t8\n2022.08.15\t10:07:00\t1.02345\t1.02348\t1.02330\t1.02348\t104\t0\t9\n");
                yield return SampleFiles.Utf8("2022.08.15,10:06,1.02340,1.02359,1.02340,1.02348,105\n2022.08.15,10:07,1.02345,1.02348,1.02330,1.02348,104\n");
                break;
            case HistoryFormat.TickCsv:
                var ticks = RealTicks(20);
                yield return SampleFiles.Utf8("Gmt time,Ask,Bid,AskVolume,BidVolume\n" + string.Concat(ticks.Select(t => string.Create(CultureInfo.InvariantCulture,
                    $"{DateTimeOffset.FromUnixTimeMilliseconds(t.Ts):dd.MM.yyyy HH:mm:ss.fff},{t.Ask},{t.Bid},1,1\n"))));
                yield return SampleFiles.Utf8("timestamp;bid;ask\n" + string.Concat(ticks.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Ts};{t.Bid};{t.Ask}\n"))));
                yield return SampleFiles.Utf8("2019-02-04 02:00:00.994,1.14543,1.14545\n1549238401271,1.14544,1.14546\n");
                break;
            case HistoryFormat.TickJson:
                var rows = RealTicks(20);
                yield return SampleFiles.Utf8("[\n" + string.Join(",\n", rows.Select(t => string.Create(CultureInfo.InvariantCulture, $"  [{t.Ts}, {t.Ask}, {t.Bid}, 1, 2.06]"))) + "\n]\n");
                yield return SampleFiles.Utf8("[" + string.Join(",", rows.Select(t => string.Create(CultureInfo.InvariantCulture, $"{{\"timestamp\":{t.Ts},\"bid\":{t.Bid},\"ask\":{t.Ask}}}"))) + "]");
                yield return SampleFiles.Utf8("""[{"time":"2019-02-04 02:00:00.994","bid":1.14543,"ask":1.14545},{"ts_ms":1549238401271,"bid":1.14544,"ask":1.14546}]""");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "not a fuzzed history format");
        }
    }

    private static List<(long Ts, double Ask, double Bid)> RealTicks(int count)
    {
        var path = SampleFiles.Shared("ticks", "sample_tick_data.json");
        if (!File.Exists(path))
        {
            return [(1549238400994, 1.14545, 1.14543), (1549238401271, 1.14546, 1.14544), (1549238401464, 1.14545, 1.14542)];
        }

        using var json = JsonDocument.Parse(File.ReadAllText(path, Encoding.UTF8));
        return [.. json.RootElement.EnumerateArray().Take(count).Select(e => (e[0].GetInt64(), e[1].GetDouble(), e[2].GetDouble()))];
    }
}
