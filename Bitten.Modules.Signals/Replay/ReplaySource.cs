namespace Bitten.Modules.Signals.Replay;

/// <summary>
/// The replay's single stream of ticks from any number of history files (folders expanded, files ordered
/// by their first time stamp): bars become their four-tick path with the spread model, real ticks pass
/// as they are; only the period [from, to) is replayed. Time may not go back across files either.
/// Streaming: one reader open at a time, no allocation per tick.
/// </summary>
internal sealed class ReplaySource : IDisposable
{
    private readonly ReplaySettings _settings;
    private readonly SpreadModel _spread;
    private readonly List<(string Path, HistoryFormat Format)> _files;
    private readonly (long TsMs, double Bid, double Ask)[] _path = new (long, double, double)[4];
    private readonly long _totalLength;
    private int _next;
    private BarReader? _bars;
    private TickReader? _ticks;
    private long _barLengthMs;
    private readonly Queue<HistoricalBar> _lookahead = new();
    private int _pathCount;
    private int _pathIndex;
    private long _doneLength;
    private long _lastTs = long.MinValue;
    private string _lastFile = string.Empty;

    private ReplaySource(ReplaySettings settings, List<(string, HistoryFormat)> files)
    {
        _settings = settings;
        _spread = settings.Spread ?? SpreadModel.Default;
        _files = files;
        _totalLength = files.Sum(f => new FileInfo(f.Item1).Length);
    }

    /// <summary>The files in replay order with their formats.</summary>
    public IReadOnlyList<(string Path, HistoryFormat Format)> Files => _files;

    /// <summary>Bars read (inside the period) and ticks produced.</summary>
    public long Bars { get; private set; }

    public long Ticks { get; private set; }

    /// <summary>First and last replayed tick time (UTC ms).</summary>
    public long FirstTsMs { get; private set; } = long.MinValue;

    public long LastTsMs => _lastTs;

    /// <summary>Share of the input consumed, 0..1 (bytes).</summary>
    public double Progress
    {
        get
        {
            var current = _bars is not null ? Fraction(_bars.Position, _bars.Length, _files[_next - 1].Path) : _ticks is not null ? Fraction(_ticks.Position, _ticks.Length, _files[_next - 1].Path) : 0;
            return _totalLength == 0 ? 1 : Math.Min(1, (_doneLength + current) / (double)_totalLength);
        }
    }

    /// <summary>Expands folders (their files, sorted), detects each format and orders files by their first time stamp.</summary>
    public static ReplaySource Open(IEnumerable<string> paths, ReplaySettings settings)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path).Where(f => !Path.GetFileName(f).StartsWith('.') && !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
                    && !f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new FileNotFoundException($"{path}: no such file or folder", path);
            }
        }

        if (files.Count == 0)
        {
            throw new FileNotFoundException("no history files in " + string.Join(", ", paths));
        }

        var typed = files.Select(f => (Path: f, Format: settings.Format == HistoryFormat.Auto ? Detect(f) : settings.Format)).ToList();
        var ordered = typed.Select(f => (f.Path, f.Format, First: FirstTime(f.Path, f.Format, settings))).OrderBy(f => f.First).ThenBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => (f.Path, f.Format)).ToList();
        return new ReplaySource(settings, ordered);
    }

    /// <summary>The format of a file from its first bytes.</summary>
    public static HistoryFormat Detect(string path)
    {
        Span<byte> head = stackalloc byte[512];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        return Detect(head[..read], Path.GetFileName(path));
    }

    /// <summary>The format of history whose first (up to 512) bytes are <paramref name="start"/>; <paramref name="name"/> is what errors show.</summary>
    public static HistoryFormat Detect(ReadOnlySpan<byte> start, string name)
    {
        if (StoredBarReader.Recognises(start))
        {
            return HistoryFormat.Stored;
        }

        if (start.StartsWith("\uFEFF"u8))
        {
            start = start[3..];
        }

        var trimmed = start.TrimStart(" \t\r\n"u8);
        if (trimmed.Length > 0 && trimmed[0] == (byte)'[')
        {
            return HistoryFormat.TickJson;
        }

        var end = trimmed.IndexOfAny("\r\n"u8);
        var line = end < 0 ? trimmed : trimmed[..end];
        if (HistDataReader.Recognises(line))
        {
            return HistoryFormat.HistData;
        }

        if (TickCsvReader.Recognises(line))
        {
            return HistoryFormat.TickCsv;
        }

        if (MetaTraderReader.Recognises(line))
        {
            return HistoryFormat.MetaTrader;
        }

        var sample = System.Text.Encoding.UTF8.GetString(line.Length > 60 ? line[..60] : line);
        throw new HistoryFormatException(name, 1, 1,
            $"unrecognised history format (first line '{sample}'); expected HistData ASCII M1, a MetaTrader export, a tick CSV/JSON with bid and ask, or a BITTEN signals.db — or name it with --format");
    }

    /// <summary>Reads the next tick of the period; false at the end of the data.</summary>
    public bool TryRead(out HistoricalTick tick)
    {
        while (true)
        {
            if (_pathIndex < _pathCount)
            {
                var (ts, bid, ask) = _path[_pathIndex++];
                tick = new HistoricalTick(ts, bid, ask);
                return Emit(tick);
            }

            if (_bars is not null)
            {
                if (!NextBar(out var bar))
                {
                    Close();
                    continue;
                }

                if (bar.OpenTimeMs < _settings.FromMs)
                {
                    continue;
                }

                if (bar.OpenTimeMs >= _settings.ToMs)
                {
                    Close();
                    _next = _files.Count; // the files are in time order: nothing later is in the period
                    continue;
                }

                Bars++;
                var spread = _spread.At(bar.OpenTimeMs, bar.Spread, _settings.PipSize);
                _pathCount = _bars.BidPrices
                    ? BarTickPath.Write(bar, _barLengthMs, 0, spread, _path)
                    : BarTickPath.Write(bar, _barLengthMs, -spread / 2, spread / 2, _path);
                _pathIndex = 0;
                continue;
            }

            if (_ticks is not null)
            {
                if (!_ticks.TryRead(out tick))
                {
                    Close();
                    continue;
                }

                if (tick.TsMs < _settings.FromMs)
                {
                    continue;
                }

                if (tick.TsMs >= _settings.ToMs)
                {
                    Close();
                    _next = _files.Count;
                    continue;
                }

                return Emit(tick);
            }

            if (_next >= _files.Count)
            {
                tick = default;
                return false;
            }

            OpenNext();
        }
    }

    private bool Emit(in HistoricalTick tick)
    {
        if (tick.TsMs < _lastTs)
        {
            throw new HistoryFormatException(_files[_next - 1].Path is var p ? Path.GetFileName(p) : string.Empty, 1, 1,
                $"overlaps the previous file {_lastFile}: its data at {BarReader.Stamp(tick.TsMs)} UTC is before {BarReader.Stamp(_lastTs)} UTC already replayed");
        }

        if (FirstTsMs == long.MinValue)
        {
            FirstTsMs = tick.TsMs;
        }

        _lastTs = tick.TsMs;
        Ticks++;
        return true;
    }

    private bool NextBar(out HistoricalBar bar)
    {
        if (_lookahead.Count > 0)
        {
            bar = _lookahead.Dequeue();
            return true;
        }

        return _bars!.TryRead(out bar);
    }

    private void OpenNext()
    {
        var (path, format) = _files[_next++];
        var clock = _settings.Clock;
        switch (format)
        {
            case HistoryFormat.TickCsv:
                _ticks = new TickCsvReader(path, clock ?? SourceClock.Utc);
                break;
            case HistoryFormat.TickJson:
                _ticks = new TickJsonReader(path, clock ?? SourceClock.Utc);
                break;
            default:
                _bars = OpenBars(path, format, _settings);
                _barLengthMs = _settings.BarLengthMs > 0 ? _settings.BarLengthMs : _bars.BarLengthMs > 0 ? _bars.BarLengthMs : InferBarLength();
                break;
        }
    }

    private static BarReader OpenBars(string path, HistoryFormat format, ReplaySettings settings) => format switch
    {
        HistoryFormat.HistData => new HistDataReader(path, settings.Clock),
        HistoryFormat.MetaTrader => new MetaTraderReader(path, settings.Clock ?? throw new ArgumentException(
            $"{Path.GetFileName(path)} is a MetaTrader export in broker time: give its clock with --tz (e.g. --tz UTC+2 or --tz Europe/Athens)"), settings.Digits),
        HistoryFormat.Stored => new StoredBarReader(path, settings.Symbol),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a bar format"),
    };

    /// <summary>The smallest step between the first bars (M1, M5, H4 …) when the format does not say.</summary>
    private long InferBarLength()
    {
        long step = long.MaxValue, previous = long.MinValue;
        while (_lookahead.Count < 32 && _bars!.TryRead(out var bar))
        {
            if (previous != long.MinValue)
            {
                step = Math.Min(step, bar.OpenTimeMs - previous);
            }

            previous = bar.OpenTimeMs;
            _lookahead.Enqueue(bar);
        }

        return step == long.MaxValue ? 60_000 : step;
    }

    private static long FirstTime(string path, HistoryFormat format, ReplaySettings settings)
    {
        if (format is HistoryFormat.TickCsv or HistoryFormat.TickJson)
        {
            using TickReader reader = format == HistoryFormat.TickCsv ? new TickCsvReader(path, settings.Clock ?? SourceClock.Utc) : new TickJsonReader(path, settings.Clock ?? SourceClock.Utc);
            return reader.TryRead(out var tick) ? tick.TsMs : long.MaxValue;
        }

        using var bars = OpenBars(path, format, settings);
        return bars.TryRead(out var bar) ? bar.OpenTimeMs : long.MaxValue;
    }

    private static long Fraction(long position, long length, string path) =>
        length == 0 ? 0 : (long)(new FileInfo(path).Length * (position / (double)length));

    private void Close()
    {
        if (_next > 0 && (_bars is not null || _ticks is not null))
        {
            _doneLength += new FileInfo(_files[_next - 1].Path).Length;
            _lastFile = Path.GetFileName(_files[_next - 1].Path);
        }

        _bars?.Dispose();
        _ticks?.Dispose();
        _bars = null;
        _ticks = null;
        _lookahead.Clear();
        _pathCount = _pathIndex = 0;
    }

    public void Dispose() => Close();
}
