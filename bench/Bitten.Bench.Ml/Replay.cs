using System.Globalization;
using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Candles;
using Bitten.Modules.Signals.Detectors;
using Bitten.Modules.Signals.Engine;
using Bitten.Modules.Signals.Ingest;
using Bitten.Modules.Signals.Market;
using Bitten.Modules.Signals.Ml;
using Bitten.Modules.Signals.Outcomes;
using Bitten.Modules.Signals.Replay;
using Bitten.Modules.Signals.Structure;

namespace Bitten.Bench.Ml;

/// <summary>
/// Drives the live engine over real M1 history (the Replay/ tick path) and collects each published signal's
/// stored features with its virtual outcome — the rows the ML filter trains on. The threshold is opened
/// (0) and the expected-value gate disabled so that every candidate the detectors score becomes a row.
/// </summary>
internal sealed class Replay : IEngineOutput
{
    private readonly Dictionary<string, EngineSignal> _signals = new(StringComparer.Ordinal);
    private readonly string _prefix;
    private long _next;

    private Replay(string prefix) => _prefix = prefix;

    public List<(EngineSignal Signal, SignalOutcome Outcome)> Resolved { get; } = [];

    public static List<(EngineSignal Signal, SignalOutcome Outcome)> Run(string prefix, IEnumerable<HistoricalBar> bars)
    {
        var replay = new Replay(prefix);
        var engine = new SignalEngine(new SymbolCatalog(["EURUSD"], []),
            new EngineSettings(new DetectorSettings(), new MarketStructureOptions(), MinExpectedValueR: -1),
            replay, new NoWinProbabilityModel(), new ThresholdState(0), new PatternRecord(),
            _ => $"{replay._prefix}{Interlocked.Increment(ref replay._next):D7}");
        Span<(long, double, double)> path = stackalloc (long, double, double)[4];
        long last = 0;
        foreach (var bar in bars)
        {
            var n = BarTickPath.Write(bar, 60_000, 0.00008, path);
            for (var i = 0; i < n; i++)
            {
                var (ts, bid, ask) = path[i];
                engine.OnTick(new TickEvent(0, bid, ask, ts, 0));
            }

            last = bar.OpenTimeMs + 60_000;
        }

        engine.OnClock(last + 10_000);
        return replay.Resolved;
    }

    public static IEnumerable<HistoricalBar> HistData(string folder) =>
        Directory.GetFiles(folder, "DAT_ASCII_EURUSD_M1_*.csv").Order(StringComparer.Ordinal).SelectMany(f => HistDataReader.Read(f));

    /// <summary>MT4 History Center export (<c>yyyy.MM.dd,HH:mm,o,h,l,c,v</c>) on a GMT+3 server clock (the 2022 file is all summer time).</summary>
    public static IEnumerable<HistoricalBar> Mt4(string file)
    {
        var previous = long.MinValue;
        foreach (var line in File.ReadLines(file))
        {
            var f = line.Split(',');
            if (f.Length != 7)
            {
                continue;
            }

            var local = DateTime.ParseExact(f[0] + " " + f[1], "yyyy.MM.dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            var ms = new DateTimeOffset(local, TimeSpan.Zero).ToUnixTimeMilliseconds() - (3 * 3_600_000L);
            if (ms <= previous)
            {
                continue;
            }

            previous = ms;
            double P(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
            yield return new HistoricalBar(ms, P(2), P(3), P(4), P(5), P(6));
        }
    }

    public static void WriteTrainingFile(string path, IEnumerable<(EngineSignal Signal, SignalOutcome Outcome)> rows)
    {
        using var writer = new StreamWriter(path);
        foreach (var (s, o) in rows)
        {
            TrainingFile.Write(writer, s.SignalId, s.CreatedMs, s.Symbol, s.Candidate.Pattern, o.ToString().ToUpperInvariant(), s.Features);
        }
    }

    public void OnBarClosed(int symbolIndex, in Candle candle)
    {
    }

    public void OnSignal(EngineSignal signal) => _signals[signal.SignalId] = signal;

    public void OnResolved(VirtualTrade trade, SignalOutcome outcome, long tsMs)
    {
        if (_signals.Remove(trade.SignalId, out var signal))
        {
            Resolved.Add((signal, outcome));
        }
    }
}
