using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Candles;
using Bitten.Modules.Signals.Detectors;
using Bitten.Modules.Signals.Engine;
using Bitten.Modules.Signals.Ingest;
using Bitten.Modules.Signals.Market;
using Bitten.Modules.Signals.Outcomes;
using Bitten.Modules.Signals.Replay;
using Bitten.Modules.Signals.Structure;

namespace Bitten.Modules.Signals.Tests.Engine;

/// <summary>Runs the engine over history and records what it emits.</summary>
internal sealed class EngineHarness : IEngineOutput
{
    private long _nextId;

    public EngineHarness(string symbol = "EURUSD", double initialThreshold = 72, bool blockWeekend = true, IWinProbabilityModel? model = null)
    {
        Symbols = new SymbolCatalog([symbol], []);
        Threshold = new ThresholdState(initialThreshold);
        Engine = new SignalEngine(Symbols, new EngineSettings(new DetectorSettings(), new MarketStructureOptions(), BlockWeekend: blockWeekend),
            this, model ?? new NoWinProbabilityModel(), Threshold, new PatternRecord(), _ => $"S{Interlocked.Increment(ref _nextId):D6}");
    }

    public SymbolCatalog Symbols { get; }

    public ThresholdState Threshold { get; }

    public SignalEngine Engine { get; }

    public List<EngineSignal> Signals { get; } = [];

    public List<(string SignalId, SignalOutcome Outcome, double R)> Resolved { get; } = [];

    public int BarsClosed { get; private set; }

    public static IEnumerable<HistoricalBar> HistData(params string[] months) =>
        months.SelectMany(m => HistDataReader.Read(Path.Combine(TestEnvironment.SharedData, "fx", "histdata_eurusd_m1_2017", $"DAT_ASCII_EURUSD_M1_2017{m}.csv")));

    public void Run(IEnumerable<HistoricalBar> bars, double spread = 0.00008) => Feed(bars, spread, closeAtEnd: true);

    /// <summary>Feeds the bars but leaves the last bars open, as a live engine would at that moment.</summary>
    public void RunWithoutClosing(IEnumerable<HistoricalBar> bars, double spread = 0.00008) => Feed(bars, spread, closeAtEnd: false);

    private void Feed(IEnumerable<HistoricalBar> bars, double spread, bool closeAtEnd)
    {
        Span<(long, double, double)> path = stackalloc (long, double, double)[4];
        long last = 0;
        foreach (var bar in bars)
        {
            var n = BarTickPath.Write(bar, 60_000, spread, path);
            for (var i = 0; i < n; i++)
            {
                var (ts, bid, ask) = path[i];
                Engine.OnTick(new TickEvent(0, bid, ask, ts, 0));
            }

            last = bar.OpenTimeMs + 60_000;
        }

        if (closeAtEnd)
        {
            Engine.OnClock(last + 10_000);
        }
    }

    public void OnBarClosed(int symbolIndex, in Candle candle) => BarsClosed++;

    public void OnSignal(EngineSignal signal) => Signals.Add(signal);

    public void OnResolved(VirtualTrade trade, SignalOutcome outcome, long tsMs) => Resolved.Add((trade.SignalId, outcome, trade.RMultiple));
}
