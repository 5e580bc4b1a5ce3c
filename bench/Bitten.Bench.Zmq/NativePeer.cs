using System.Diagnostics;
using System.Globalization;

namespace Bitten.Bench.Zmq;

/// <summary>A reference process (the compiled libzmq helper or python3-zmq) driven through stdout lines.</summary>
internal sealed class NativePeer : IDisposable
{
    private readonly Process _process;

    private NativePeer(Process process) => _process = process;

    public static NativePeer Start(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return new NativePeer(Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start"));
    }

    /// <summary>Reads lines until one starts with <paramref name="prefix"/>; returns the rest of that line.</summary>
    public string Expect(string prefix, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var read = _process.StandardOutput.ReadLineAsync();
            if (!read.Wait(deadline - DateTime.UtcNow) || read.Result is null)
            {
                break;
            }

            if (read.Result.StartsWith(prefix, StringComparison.Ordinal))
            {
                return read.Result[prefix.Length..].Trim();
            }
        }

        throw new TimeoutException($"{_process.StartInfo.FileName} did not print {prefix}");
    }

    public int ExpectPort() => int.Parse(Expect("BOUND", TimeSpan.FromSeconds(20)), CultureInfo.InvariantCulture);

    public void WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            throw new TimeoutException($"{_process.StartInfo.FileName} did not exit");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
