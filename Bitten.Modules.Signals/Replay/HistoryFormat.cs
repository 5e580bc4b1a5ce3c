namespace Bitten.Modules.Signals.Replay;

/// <summary>The history file formats the replay reads (<c>--format</c>; auto-detected from the first bytes by default).</summary>
internal enum HistoryFormat
{
    Auto = 0,
    HistData = 1,
    MetaTrader = 2,
    TickCsv = 3,
    TickJson = 4,
    Stored = 5,
}
