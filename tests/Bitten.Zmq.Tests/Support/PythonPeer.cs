using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace Bitten.Zmq.Tests.Support;

/// <summary>A real libzmq peer: Interop/peer.py under the system python, driven through stdout lines and its exit code.</summary>
internal sealed class PythonPeer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _stderr = new();

    private PythonPeer(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.Writer.TryComplete();
            }
            else
            {
                _lines.Writer.TryWrite(e.Data);
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static async Task<PythonPeer> StartAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo(TestEnvironment.SystemPython)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-u");
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Interop", "peer.py"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var peer = new PythonPeer(Process.Start(info) ?? throw new InvalidOperationException("python did not start"));
        await peer.ExpectAsync("READY");
        return peer;
    }

    /// <summary>Reads lines until one starts with <paramref name="prefix"/>; returns it. Fails on BAD or timeout.</summary>
    public async Task<string> ExpectAsync(string prefix, int timeoutSeconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            while (true)
            {
                var line = await _lines.Reader.ReadAsync(timeout.Token);
                if (line.StartsWith("BOUND ", StringComparison.Ordinal))
                {
                    BoundPort = int.Parse(line[6..], System.Globalization.CultureInfo.InvariantCulture);
                }

                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return line;
                }

                if (line.StartsWith("BAD", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"libzmq peer reported: {line}\n{Stderr}");
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            throw new TimeoutException($"libzmq peer did not print '{prefix}' within {timeoutSeconds} s. stderr:\n{Stderr}", e);
        }
    }

    /// <summary>The port a binding peer reported (BOUND line, printed before READY).</summary>
    public int BoundPort { get; private set; }

    public Task<int> BoundPortAsync() => Task.FromResult(BoundPort > 0 ? BoundPort : throw new InvalidOperationException("the peer did not bind"));

    public async Task<int> WaitForExitAsync(int timeoutSeconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        _process.Dispose();
    }
}
