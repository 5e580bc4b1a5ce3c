namespace Bitten.Modules.Signals.Replay;

/// <summary>How to read and replay history: format and clock of the files, the period, the bar length and the spread model.</summary>
internal sealed record ReplaySettings(
    string Symbol,
    double PipSize,
    int Digits,
    HistoryFormat Format = HistoryFormat.Auto,
    SourceClock? Clock = null,
    long FromMs = long.MinValue,
    long ToMs = long.MaxValue,
    long BarLengthMs = 0,
    SpreadModel? Spread = null);
