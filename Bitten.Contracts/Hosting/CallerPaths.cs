namespace Bitten.Contracts.Hosting;

/// <summary>
/// Paths an operator types on a verb's command line (<c>backtest --data</c>, <c>--out</c>, <c>train FILE</c>, <c>restore DIR</c>).
/// <c>dotnet run --project Bitten.Host</c> starts the program in the project's folder, not the shell's, so a relative path
/// typed at the repository root (<c>../shared/data/…</c>) would miss. The shell's folder is in <c>PWD</c>; a path is read
/// from there when it exists there, otherwise from the process's folder (so a published binary behaves as before).
/// </summary>
public static class CallerPaths
{
    /// <summary>An existing file or folder the operator named.</summary>
    public static string Resolve(string path)
    {
        if (string.IsNullOrWhiteSpace(path) || Path.IsPathRooted(path))
        {
            return path;
        }

        if (ShellDirectory() is { } shell)
        {
            var fromShell = Path.GetFullPath(path, shell);
            if (File.Exists(fromShell) || Directory.Exists(fromShell))
            {
                return fromShell;
            }
        }

        return Path.GetFullPath(path);
    }

    /// <summary>A file or folder to be written: relative to the shell's folder when it is known.</summary>
    public static string ResolveOutput(string path) =>
        string.IsNullOrWhiteSpace(path) || Path.IsPathRooted(path) ? path
        : ShellDirectory() is { } shell ? Path.GetFullPath(path, shell)
        : Path.GetFullPath(path);

    private static string? ShellDirectory() =>
        Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } pwd && Path.IsPathRooted(pwd) && Directory.Exists(pwd) ? pwd : null;
}
