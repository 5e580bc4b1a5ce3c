namespace Bitten.Modules.Signals.Replay;

/// <summary>
/// One bar read from a history file, already converted to UTC. <see cref="Spread"/> is the bar's own
/// spread in price units when the source records one (MetaTrader exports, stored bars), else NaN.
/// </summary>
internal readonly record struct HistoricalBar(long OpenTimeMs, double Open, double High, double Low, double Close, double Volume, double Spread = double.NaN);

/// <summary>One bid/ask quote read from a history file, in UTC.</summary>
internal readonly record struct HistoricalTick(long TsMs, double Bid, double Ask);

/// <summary>A history file's problem, naming the file, line and column (1-based).</summary>
internal sealed class HistoryFormatException(string file, long line, int column, string problem)
    : FormatException($"{file}:{line}:{column}: {problem}")
{
    public string File { get; } = file;

    public long Line { get; } = line;

    public int Column { get; } = column;

    public string Problem { get; } = problem;
}
