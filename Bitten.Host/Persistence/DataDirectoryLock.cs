namespace Bitten.Host.Persistence;

/// <summary>
/// An exclusive lock on <c>{Storage:DataDirectory}/bitten.lock</c> (an OS advisory lock, <c>flock</c> on Linux, held by an open
/// handle): a running host holds it for its whole life, so <c>restore</c> cannot replace files under a live host. The OS
/// releases it when the process ends in any way, including <c>kill -9</c>; a stale file left behind is harmless.
/// </summary>
internal sealed class DataDirectoryLock : IDisposable
{
    public const string FileName = "bitten.lock";

    private readonly FileStream _stream;

    private DataDirectoryLock(FileStream stream, string path)
    {
        _stream = stream;
        FilePath = path;
    }

    public string FilePath { get; }

    /// <summary>Takes the lock, or returns null when another process holds it.</summary>
    public static DataDirectoryLock? TryAcquire(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null; // held by another process (EWOULDBLOCK from flock surfaces as an IOException)
        }

        try
        {
            stream.SetLength(0);
            stream.Write(System.Text.Encoding.UTF8.GetBytes($"pid {Environment.ProcessId}, since {DateTimeOffset.UtcNow:u}\n"));
            stream.Flush(flushToDisk: false);
        }
        catch (IOException)
        {
            // a full disk: the lock is what matters, its note (who holds it) is only for people
        }

        return new DataDirectoryLock(stream, path);
    }

    public void Dispose() => _stream.Dispose();
}
