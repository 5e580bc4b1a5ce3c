namespace Bitten.Modules.Signals.Replay;

/// <summary>
/// Reads a text file line by line as UTF-8 bytes from one reusable buffer: streaming, and no
/// allocation per line. A line is valid until the next call. Tracks the 1-based line number for errors.
/// </summary>
internal sealed class LineReader : IDisposable
{
    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    public LineReader(string path, int bufferSize = 1 << 16)
        : this(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan), Path.GetFileName(path), bufferSize)
    {
    }

    /// <summary>Reads <paramref name="stream"/> (owned: disposed with the reader); <paramref name="name"/> is what errors show.</summary>
    public LineReader(Stream stream, string name, int bufferSize = 1 << 16)
    {
        File = name;
        _stream = stream;
        Length = stream.CanSeek ? stream.Length : 0;
        _buffer = new byte[bufferSize];
    }

    /// <summary>The file's name (what errors show).</summary>
    public string File { get; }

    public long Length { get; }

    /// <summary>Bytes consumed so far (for progress).</summary>
    public long Position { get; private set; }

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Reads the next line without its end-of-line bytes; false at the end of the file.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var available = _buffer.AsSpan(_start, _end - _start);
            var newline = available.IndexOf((byte)'\n');
            if (newline >= 0 || (_eof && available.Length > 0))
            {
                var length = newline >= 0 ? newline : available.Length;
                line = available[..length];
                if (line.Length > 0 && line[^1] == (byte)'\r')
                {
                    line = line[..^1];
                }

                if (LineNumber == 0 && line.StartsWith("\uFEFF"u8))
                {
                    line = line[3..];
                }

                var consumed = newline >= 0 ? length + 1 : length;
                _start += consumed;
                Position += consumed;
                LineNumber++;
                return true;
            }

            if (_eof)
            {
                line = default;
                return false;
            }

            Fill();
        }
    }

    /// <summary>Throws the format error for the current line at a 1-based column.</summary>
    public HistoryFormatException Error(int column, string problem) => new(File, LineNumber, column, problem);

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2); // a line longer than the buffer
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    public void Dispose() => _stream.Dispose();
}
