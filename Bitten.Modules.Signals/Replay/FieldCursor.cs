namespace Bitten.Modules.Signals.Replay;

/// <summary>Walks the separated fields of one line, knowing each field's 1-based column (for errors).</summary>
internal ref struct FieldCursor(ReadOnlySpan<byte> line, byte separator)
{
    private readonly ReadOnlySpan<byte> _line = line;
    private int _position;

    /// <summary>1-based column of the field last returned.</summary>
    public int Column { get; private set; } = 1;

    public static int Count(ReadOnlySpan<byte> line, byte separator) => line.Count(separator) + 1;

    public bool Next(out ReadOnlySpan<byte> field)
    {
        if (_position > _line.Length)
        {
            field = default;
            return false;
        }

        var rest = _line[_position..];
        var end = rest.IndexOf(separator);
        field = end < 0 ? rest : rest[..end];
        Column = _position + 1;
        _position += field.Length + 1;
        field = field.Trim((byte)' ');
        return true;
    }
}
