using Xunit;

namespace Bitten.Testing;

/// <summary>A fact that needs a folder or file under <c>../shared/data</c>; skips locally when absent, runs (and fails) under CI.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relativePath)
    {
        if (!TestEnvironment.IsCi && !Path.Exists(Path.Combine(TestEnvironment.SharedData, relativePath)))
        {
            Skip = $"../shared/data/{relativePath} is absent on this machine (required when CI=true).";
        }
    }
}

/// <summary>A fact that needs Debian's python3-zmq (a real libzmq peer); skips locally when absent, runs under CI.</summary>
public sealed class LibzmqFactAttribute : FactAttribute
{
    public LibzmqFactAttribute()
    {
        if (!TestEnvironment.IsCi && !TestEnvironment.HasPythonZmq)
        {
            Skip = "python3-zmq is not installed (apt-get install python3-zmq; required when CI=true).";
        }
    }
}

/// <summary>A fact that needs Debian's chromium; skips locally when absent, runs under CI.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!TestEnvironment.IsCi && !TestEnvironment.HasChromium)
        {
            Skip = "chromium is not installed (apt-get install chromium; required when CI=true).";
        }
    }
}

/// <summary>Eventually-true conditions without sleeps-as-assertions: polls until true or the timeout passes.</summary>
public static class Wait
{
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, string because)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!condition())
        {
            if (cts.IsCancellationRequested)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s waiting until {because}.");
            }

            await Task.Delay(10, CancellationToken.None);
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string because)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!await condition())
        {
            if (cts.IsCancellationRequested)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s waiting until {because}.");
            }

            await Task.Delay(10, CancellationToken.None);
        }
    }
}

/// <summary>
/// A fact that mounts a small tmpfs (a real full disk): needs root, or CAP_SYS_ADMIN. Skips locally when mounting is not
/// permitted; runs (and fails) under CI, which runs as root.
/// </summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    public TmpfsFactAttribute()
    {
        if (!TestEnvironment.IsCi && !TestEnvironment.CanMountTmpfs)
        {
            Skip = "mounting a tmpfs is not permitted here (needs root; required when CI=true).";
        }
    }
}
