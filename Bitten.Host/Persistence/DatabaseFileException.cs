namespace Bitten.Host.Persistence;

/// <summary>A module's database file is unusable (not SQLite, or corrupt). The file is left untouched.</summary>
internal sealed class DatabaseFileException(string path, string problem, Exception? inner = null)
    : Exception($"Database file '{path}' {problem}. BITTEN did not modify it; restore it from a backup or move it aside.", inner)
{
    public string FilePath { get; } = path;
}
