using System.Globalization;
using Bitten.Contracts.Hosting;
using Bitten.Modules.Signals.Market;
using Bitten.Modules.Signals.Replay;

namespace Bitten.Modules.Signals.Backtest;

/// <summary>The <c>backtest</c> verb's options, parsed with messages that say what was wrong and what is expected.</summary>
internal sealed record BacktestCommandLine(
    IReadOnlyList<string> Data,
    string Symbol,
    long FromMs,
    long ToMs,
    SourceClock? Clock,
    string Out,
    HistoryFormat Format,
    double SpreadPips,
    bool SpreadBySession,
    double? FixedThreshold,
    bool DataClock,
    long BarLengthMs,
    int Paths,
    int Seed,
    bool Quiet,
    double? WalkForward = null)
{
    public const string Usage = """
        Usage: dotnet run --project Bitten.Host -- backtest --data <files or folders> --symbol EURUSD [options]

        Replays history through the live signal engine and writes report.json, signals.csv and report.html.

          --data <path> ...        history files or folders (several allowed): HistData ASCII M1, MetaTrader
                                   exports, tick CSV/JSON with bid and ask, or a BITTEN signals.db
          --symbol <name>          the symbol the data is (pip size and digits follow from it)
          --from <date>            first day or time (UTC, yyyy-MM-dd or yyyy-MM-ddTHH:mm)
          --to <date>              end (exclusive, UTC)
          --tz <clock>             the files' clock: UTC-5, +03:00, Europe/Athens … (HistData defaults to
                                   UTC-5, ticks and stored bars to UTC; MetaTrader exports need it)
          --out <folder>           where the report goes (default: ./backtest-report)
          --format <name>          histdata | metatrader | tickcsv | tickjson | stored (default: detected)
          --timeframe <tf>         bar length when the file does not say: M1 M5 M15 M30 H1 H4 D1 (default: inferred)
          --spread <pips>          spread put on bars (default 0.8); a bar's own spread wins when the file has one
          --spread-by-session      widen the spread ×1.5 in ASIAN and ×2 in OFF_HOURS
          --threshold <tcs>        a fixed TCS threshold instead of the adaptive one
          --ticks-only-clock       close bars only by ticks (as a fast replay over ZeroMQ does), not by the data's clock
          --paths <n>              Monte Carlo bootstrap paths (default 10000)
          --seed <n>               Monte Carlo seed (default 20261122)
          --walk-forward <fraction> train the ML model on the signals of the first fraction of the period
                                   (e.g. 0.6) and report only the later, out-of-sample signals scored by it
          --quiet                  no progress bar

        Exit codes: 0 done, 64 a wrong option, 74 a history file is missing or unreadable (named with line and column), 78 configuration.

        """;

    public static BacktestCommandLine Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var data = new List<string>();
        string? symbol = null, outDir = null;
        long from = long.MinValue, to = long.MaxValue, barLength = 0;
        SourceClock? clock = null;
        var format = HistoryFormat.Auto;
        double spread = 0.8;
        double? walkForward = null;
        double? threshold = null;
        bool bySession = false, dataClock = true, quiet = false;
        int paths = 10_000, seed = 20_261_122;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value()
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new ArgumentException($"{arg} needs a value");
                }

                return args[++i];
            }

            try
            {
                switch (arg)
                {
                    case "--data":
                        data.Add(CallerPaths.Resolve(Value()));
                        while (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                        {
                            data.Add(CallerPaths.Resolve(args[++i]));
                        }

                        break;
                    case "--symbol":
                        symbol = Value().Trim().ToUpperInvariant();
                        break;
                    case "--from":
                        from = Time(Value(), arg);
                        break;
                    case "--to":
                        to = Time(Value(), arg);
                        break;
                    case "--tz":
                        var text = Value();
                        clock = SourceClock.Parse(text, out var problem) ?? throw new ArgumentException($"--tz: {problem}");
                        break;
                    case "--out":
                        outDir = CallerPaths.ResolveOutput(Value());
                        break;
                    case "--format":
                        var name = Value();
                        format = name.ToLowerInvariant() switch
                        {
                            "histdata" => HistoryFormat.HistData,
                            "metatrader" or "mt4" or "mt5" => HistoryFormat.MetaTrader,
                            "tickcsv" => HistoryFormat.TickCsv,
                            "tickjson" => HistoryFormat.TickJson,
                            "stored" => HistoryFormat.Stored,
                            _ => throw new ArgumentException($"--format '{name}' is not one of histdata, metatrader, tickcsv, tickjson, stored"),
                        };
                        break;
                    case "--timeframe":
                        var tf = Value();
                        barLength = tf.ToUpperInvariant() switch
                        {
                            "M1" => 60_000, "M5" => 300_000, "M15" => 900_000, "M30" => 1_800_000, "H1" => 3_600_000, "H4" => 14_400_000, "D1" => 86_400_000,
                            _ => throw new ArgumentException($"--timeframe '{tf}' is not one of M1 M5 M15 M30 H1 H4 D1"),
                        };
                        break;
                    case "--spread":
                        spread = Number(Value(), arg, 0, 1_000);
                        break;
                    case "--spread-by-session":
                        bySession = true;
                        break;
                    case "--threshold":
                        threshold = Number(Value(), arg, 0, 100);
                        break;
                    case "--ticks-only-clock":
                        dataClock = false;
                        break;
                    case "--paths":
                        paths = (int)Number(Value(), arg, 100, 1_000_000);
                        break;
                    case "--seed":
                        seed = (int)Number(Value(), arg, int.MinValue, int.MaxValue);
                        break;
                    case "--walk-forward":
                        walkForward = Number(Value(), arg, 0.1, 0.9);
                        break;
                    case "--quiet":
                        quiet = true;
                        break;
                    default:
                        throw new ArgumentException($"unknown option '{arg}'");
                }
            }
            catch (ArgumentException ex)
            {
                error = ex.Message;
                return Empty;
            }
        }

        if (data.Count == 0)
        {
            error = "--data is required (history files or folders)";
        }
        else if (symbol is null || symbol.Length is < 3 or > 16 || !symbol.All(char.IsAsciiLetterOrDigit))
        {
            error = "--symbol is required: the instrument's name, e.g. EURUSD";
        }
        else if (from >= to)
        {
            error = "--from must be before --to";
        }

        return error is not null ? Empty : new BacktestCommandLine(data, symbol!, from, to, clock, outDir ?? CallerPaths.ResolveOutput("backtest-report"), format, spread, bySession, threshold, dataClock, barLength, paths, seed, quiet, walkForward);
    }

    public ReplaySettings Replay() => new(Symbol, SymbolInfo.DefaultPipSize(Symbol), SymbolInfo.DefaultDigits(Symbol), Format, Clock, FromMs, ToMs, BarLengthMs,
        new SpreadModel(SpreadPips, SpreadBySession));

    private static readonly BacktestCommandLine Empty = new([], string.Empty, 0, 0, null, string.Empty, HistoryFormat.Auto, 0, false, null, true, 0, 0, 0, true);

    private static long Time(string text, string option)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mmZ", "yyyy-MM-ddTHH:mm:ssZ"];
        return DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)
            ? new DateTimeOffset(t, TimeSpan.Zero).ToUnixTimeMilliseconds()
            : throw new ArgumentException($"{option} '{text}' is not a UTC date or time (yyyy-MM-dd or yyyy-MM-ddTHH:mm)");
    }

    private static double Number(string text, string option, double min, double max) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{option} '{text}' must be a number from {min} to {max}"));
}
