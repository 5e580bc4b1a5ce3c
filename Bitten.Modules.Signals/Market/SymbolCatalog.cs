using System.Text;

namespace Bitten.Modules.Signals.Market;

/// <summary>
/// The symbols this server ingests (active and reserve), indexed 0..n-1 so per-symbol state lives in
/// arrays. Lookup by UTF-8 bytes does not allocate (the hot path of the tick reader).
/// </summary>
internal sealed class SymbolCatalog
{
    private readonly SymbolInfo[] _symbols;
    private readonly Dictionary<string, SymbolInfo> _byName;

    public SymbolCatalog(IEnumerable<string> active, IEnumerable<string> reserve)
    {
        var list = new List<SymbolInfo>();
        foreach (var (name, isActive) in active.Select(a => (a, true)).Concat(reserve.Select(r => (r, false))))
        {
            var upper = name.Trim().ToUpperInvariant();
            if (list.Any(s => s.Name == upper))
            {
                continue;
            }

            list.Add(new SymbolInfo(list.Count, upper, SymbolInfo.DefaultPipSize(upper), SymbolInfo.DefaultDigits(upper), isActive));
        }

        _symbols = [.. list];
        _byName = _symbols.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    public int Count => _symbols.Length;

    public IReadOnlyList<SymbolInfo> All => _symbols;

    public SymbolInfo this[int index] => _symbols[index];

    public SymbolInfo? Find(string name) => _byName.GetValueOrDefault(name.ToUpperInvariant());

    /// <summary>Finds a symbol by its exact UTF-8 name without allocating; -1 when unknown.</summary>
    public int IndexOf(ReadOnlySpan<byte> utf8Name)
    {
        foreach (var symbol in _symbols)
        {
            if (utf8Name.SequenceEqual(symbol.Utf8Name))
            {
                return symbol.Index;
            }
        }

        return -1;
    }

    public int IndexOf(string name) => Find(name)?.Index ?? -1;

    public override string ToString() => string.Join(",", _symbols.Select(s => s.Name));

    internal static string Describe(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);
}
