namespace Bitten.Host.Persistence;

/// <summary>What one backup run wrote and which expired folders it removed.</summary>
internal sealed record BackupResult(string Folder, IReadOnlyList<string> Files, IReadOnlyList<string> DeletedFolders);
