using System.Text;

namespace Bitten.Bench.Fuzz.Engine;

/// <summary>Finds the repository (for tests/data) and ../shared/data next to it; a missing file gives no samples, never an error.</summary>
internal static class SampleFiles
{
    public static string RepositoryRoot { get; } = FindUp(AppContext.BaseDirectory, "Bitten.sln");

    public static string SharedData { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    public static string Repo(params string[] parts) => Path.Combine([RepositoryRoot, .. parts]);

    public static string Shared(params string[] parts) => Path.Combine([SharedData, .. parts]);

    /// <summary>The first <paramref name="lines"/> lines of a text file (with their line ends), or nothing when it is missing.</summary>
    public static IEnumerable<byte[]> Head(string path, int lines)
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        var text = string.Join('\n', File.ReadLines(path).Take(lines)) + "\n";
        yield return Encoding.UTF8.GetBytes(text);
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string FindUp(string start, string file)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, file)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"{file} not found above {start}");
    }
}
