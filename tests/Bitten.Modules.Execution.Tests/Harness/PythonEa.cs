using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace Bitten.Modules.Execution.Tests.Harness;

/// <summary>Drives Ea/fake_ea.py (python3-zmq, real libzmq) over stdin/stdout JSON lines.</summary>
internal sealed class PythonEa : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<JsonElement> _events = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private PythonEa(Process process, string eaId, string token)
    {
        _process = process;
        EaId = eaId;
        Token = token;
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

    public string EaId { get; }

    public string Token { get; }

    public IEnumerable<JsonElement> Received => _events.Where(e => e.GetProperty("event").GetString() == "recv").Select(e => e.GetProperty("json"));

    public static async Task<PythonEa> StartAsync(ExecutionHost host, string eaId, string token, bool auto = true)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Ea", "fake_ea.py");
        var process = Process.Start(new ProcessStartInfo(TestEnvironment.SystemPython, $"-u \"{script}\"")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("python3 did not start");
        var ea = new PythonEa(process, eaId, token);
        await ea.CommandAsync(new { cmd = "connect", commands = await host.PortAsync("commands"), reports = await host.PortAsync("reports"), ea_id = eaId, ea_token = token, auto });
        return ea;
    }

    public Task HelloAsync(decimal equity = 10_000m, string? token = null) => SendAsync(new
    {
        type = "hello", v = 1, ea_id = EaId, ea_token = token ?? Token, account_login = "login-" + EaId, broker = "Broker", server = "Broker-Live",
        currency = "USD", balance = equity, equity, leverage = 100, broker_utc_offset_s = 7200, ea_version = "test", ts_ms = 0,
    });

    public Task HeartbeatAsync(object[] positions, decimal equity = 10_000m) => SendAsync(new
    {
        type = "HEARTBEAT", ea_id = EaId, ea_token = Token, balance = equity, equity, margin = 0, free_margin = equity, margin_level = (decimal?)null, currency = "USD", positions, ts_ms = 0,
    });

    public Task SendAsync(object json) => CommandAsync(new { cmd = "send", json });

    public Task ReportAsync(object json) => CommandAsync(new { cmd = "report", json });

    public Task CloseAsync() => CommandAsync(new { cmd = "close" });

    /// <summary>Waits for the next message of a type from the server (matching the predicate), or fails with the EA's stderr.</summary>
    public async Task<JsonElement> WaitForAsync(string type, Func<JsonElement, bool>? match = null)
    {
        JsonElement found = default;
        await Wait.UntilAsync(() =>
        {
            foreach (var json in Received)
            {
                if (json.GetProperty("type").GetString() == type && (match?.Invoke(json) ?? true))
                {
                    found = json;
                    return true;
                }
            }

            return _process.HasExited ? throw new InvalidOperationException("fake EA exited: " + string.Join('\n', _errors)) : false;
        }, TimeSpan.FromSeconds(30), $"EA {EaId} received a '{type}'");
        return found;
    }

    public int Count(string type) => Received.Count(j => j.GetProperty("type").GetString() == type);

    private async Task CommandAsync(object command)
    {
        var before = _events.Count(e => e.GetProperty("event").GetString() == "done");
        await _process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(command));
        await _process.StandardInput.FlushAsync();
        await Wait.UntilAsync(
            () => _process.HasExited ? throw new InvalidOperationException("fake EA exited: " + string.Join('\n', _errors)) : _events.Count(e => e.GetProperty("event").GetString() == "done") > before,
            TimeSpan.FromSeconds(30), "the fake EA ran a command");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await _process.StandardInput.WriteLineAsync("{\"cmd\":\"quit\"}");
                await _process.StandardInput.FlushAsync();
                await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }
}
