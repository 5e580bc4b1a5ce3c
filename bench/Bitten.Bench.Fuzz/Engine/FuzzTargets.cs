using Bitten.Bench.Fuzz.Targets;
using Bitten.Modules.Signals.Replay;

namespace Bitten.Bench.Fuzz.Engine;

/// <summary>Every fuzzed edge, in run order.</summary>
internal static class FuzzTargets
{
    public static readonly string[] Names =
    [
        "zmtp", "ea-feed", "ea-execution", "replay-histdata", "replay-metatrader", "replay-tickcsv", "replay-tickjson", "telegram-update", "telegram-initdata",
    ];

    public static IFuzzTarget Create(string name) => name switch
    {
        "zmtp" => new ZmtpTarget(),
        "ea-feed" => new EaFeedTarget(),
        "ea-execution" => new EaExecutionTarget(),
        "replay-histdata" => new ReplayTarget(HistoryFormat.HistData),
        "replay-metatrader" => new ReplayTarget(HistoryFormat.MetaTrader),
        "replay-tickcsv" => new ReplayTarget(HistoryFormat.TickCsv),
        "replay-tickjson" => new ReplayTarget(HistoryFormat.TickJson),
        "telegram-update" => new TelegramUpdateTarget(),
        "telegram-initdata" => new InitDataTarget(),
        _ => throw new ArgumentException($"unknown target '{name}'; expected one of {string.Join(", ", Names)}", nameof(name)),
    };
}
