using System.Collections.Concurrent;

namespace Bitten.Contracts.Users;

/// <summary>The sections of one user's data export, one per module (JSON-serialisable values).</summary>
public sealed class UserDataExport
{
    private readonly ConcurrentDictionary<string, object> _sections = new(StringComparer.Ordinal);

    /// <summary>Sections by module name (e.g. <c>missions</c>).</summary>
    public IReadOnlyDictionary<string, object> Sections => _sections;

    /// <summary>Adds (or replaces) the section of <paramref name="module"/>.</summary>
    public void Add(string module, object data)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(module);
        ArgumentNullException.ThrowIfNull(data);
        _sections[module] = data;
    }
}
