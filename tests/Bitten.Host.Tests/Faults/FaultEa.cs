using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace Bitten.Host.Tests.Faults;

/// <summary>Drives Faults/fault_ea.py (python3-zmq, real libzmq): a terminal that outlives host kills and records every fire it gets.</summary>
public sealed class FaultEa : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<JsonElement> _events = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private bool _disposed;

    private FaultEa(Process process, string log)
    {
        _process = process;
        FireLog = log;
        process.OutputDataReceived += (_, e) =>
        {
            if (!string.IsNullOrWhiteSpace(e.Data))
            {
                _events.Enqueue(JsonDocument.Parse(e.Data).RootElement.Clone());
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _errors.Enqueue(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The EA's own record: one line per fire message received ("fire ID", or "repeat ID" for a fire_id seen before).</summary>
    public string FireLog { get; }

    public IReadOnlyList<string> FireLines => File.Exists(FireLog) ? File.ReadAllLines(FireLog) : [];

    public IEnumerable<JsonElement> Events => _events;

    /// <param name="confirm"><c>auto</c>: confirm each fire at once; <c>hold</c>: keep fires until <see cref="ConfirmHeldAsync"/>.</param>
    public static async Task<FaultEa> StartAsync(FaultHost host, string eaId, string token, string log, string account, string confirm = "auto")
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Faults", "fault_ea.py");
        var process = Process.Start(new ProcessStartInfo(TestEnvironment.SystemPython, ["-u", script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("python3 did not start");
        var ea = new FaultEa(process, log);
        await ea.CommandAsync(new
        {
            cmd = "start", commands = host.CommandPort, feed = host.FeedPort, reports = host.ReportPort, ea_id = eaId, ea_token = token, account,
            feed_id = FaultHost.FeedId, feed_token = FaultHost.FeedToken, symbol = "EURUSD", bid = 1.10000, log, confirm,
        });
        return ea;
    }

    public int HelloAcks(bool ok) => _events.Count(e => Is(e, "hello_ack") && e.GetProperty("ok").GetBoolean() == ok);

    public JsonElement? LastHelloAck => _events.LastOrDefault(e => Is(e, "hello_ack")) is { ValueKind: JsonValueKind.Object } last ? last : null;

    public Task ConfirmHeldAsync() => CommandAsync(new { cmd = "confirm_held" });

    public Task CutAsync() => CommandAsync(new { cmd = "cut" });

    public Task ResumeAsync() => CommandAsync(new { cmd = "resume" });

    /// <summary>Waits for an accepted hello_ack after the current count.</summary>
    public async Task WaitForHelloAckAsync(int after, TimeSpan timeout) =>
        await Wait.UntilAsync(() => Alive() && HelloAcks(ok: true) > after, timeout, "the EA's hello was accepted");

    private bool Alive() => _process.HasExited ? throw new InvalidOperationException("fault EA exited: " + string.Join('\n', _errors)) : true;

    private static bool Is(JsonElement e, string name) => e.GetProperty("event").GetString() == name;

    private async Task CommandAsync(object command)
    {
        var before = _events.Count(e => Is(e, "done"));
        await _process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(command));
        await _process.StandardInput.FlushAsync();
        await Wait.UntilAsync(() => Alive() && _events.Count(e => Is(e, "done")) > before, TimeSpan.FromSeconds(30), "the fault EA ran a command");
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
