namespace Bitten.Modules.Signals.Replay;

/// <summary>One bar read from a history file, already converted to UTC.</summary>
internal readonly record struct HistoricalBar(long OpenTimeMs, double Open, double High, double Low, double Close, double Volume);

/// <summary>A history file's problem, naming the file, line and column (1-based).</summary>
internal sealed class HistoryFormatException(string file, long line, int column, string problem)
    : FormatException($"{file}:{line}:{column}: {problem}")
{
    public string File { get; } = file;

    public long Line { get; } = line;

    public int Column { get; } = column;
}
