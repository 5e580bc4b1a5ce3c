using System.Diagnostics;
using System.Globalization;
using System.Text;
using Bitten.Contracts.Hosting;
using Bitten.Host.Tests.Infrastructure;
using Bitten.Modules.Signals.Persistence;
using Bitten.Modules.Signals.Replay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Host.Tests.Signals;

/// <summary>
/// A real libzmq EA (python3-zmq PUSH) feeds real EURUSD history — alternately in the protocol v1 format
/// and the original EA's format with broker-time strings — and a real libzmq SUB receives the signal
/// the engine publishes on 5557, which is also stored.
/// </summary>
public sealed class SignalsInteropTests : IDisposable
{
    private readonly BittenAppFactory _factory = new BittenAppFactory()
        .WithSetting("Modules:Signals:FeedSources:0", "py-feed")
        .WithSetting("Modules:Signals:FeedCredentials:py-feed", "py-token");

    [LibzmqFact]
    public async Task Feed_WhenLibzmqEaSendsV1AndOriginalTicks_PublishesTheSignalToALibzmqSubscriber()
    {
        if (!Directory.Exists(Path.Combine(TestEnvironment.SharedData, "fx", "histdata_eurusd_m1_2017")) && !TestEnvironment.IsCi)
        {
            return; // reference history absent locally (required when CI=true)
        }

        using var client = _factory.CreateClient();
        var ports = _factory.Services.GetRequiredService<BoundEndpoints>();
        var feed = await ports.PortAsync("feed").WaitAsync(TimeSpan.FromSeconds(30));
        var signals = await ports.PortAsync("signals").WaitAsync(TimeSpan.FromSeconds(30));
        var ticks = _factory.Directory.Combine("ticks.jsonl");
        await File.WriteAllLinesAsync(ticks, TickLines());

        var (exit, output) = await RunPythonAsync(Path.Combine(AppContext.BaseDirectory, "Signals", "feed_interop.py"), feed, signals, ticks);

        exit.ShouldBe(0, output);
        output.ShouldContain("SENT 1352");
        output.ShouldContain("SIGNAL signal.EURUSD ");
        output.ShouldContain("\"pattern\":\"FAIR_VALUE_GAP_FILL\"");
        output.ShouldContain("\"side\":\"SELL\"");
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsDbContext>();
        (await db.Signals.CountAsync()).ShouldBeGreaterThanOrEqualTo(1);
        var signalId = output[(output.IndexOf("\"signal_id\":\"", StringComparison.Ordinal) + 13)..][..26];
        (await db.Signals.AnyAsync(s => s.Id == signalId)).ShouldBeTrue("the published signal is the stored one");
    }

    /// <summary>2 January 2017, 02:00–12:40 UTC: ends just after the first pinned signal (12:20 FVG SELL).</summary>
    private static IEnumerable<string> TickLines()
    {
        var file = Path.Combine(TestEnvironment.SharedData, "fx", "histdata_eurusd_m1_2017", "DAT_ASCII_EURUSD_M1_201701.csv");
        var end = new DateTimeOffset(2017, 1, 2, 12, 40, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var path = new (long, double, double)[4];
        var n = 0;
        foreach (var bar in HistDataReader.Read(file).TakeWhile(b => b.OpenTimeMs < end))
        {
            BarTickPath.Write(bar, 60_000, 0.00008, path);
            foreach (var (ts, bid, ask) in path)
            {
                yield return n++ % 2 == 0
                    ? string.Create(CultureInfo.InvariantCulture, $$"""{"type":"tick","ea_id":"py-feed","ea_token":"py-token","symbol":"EURUSD","bid":{{bid:R}},"ask":{{ask:R}},"ts_ms":{{ts}}}""")
                    : string.Create(CultureInfo.InvariantCulture, $$"""{"type":"TICK","symbol":"EURUSD","bid":{{bid:R}},"ask":{{ask:R}},"time":"{{DateTimeOffset.FromUnixTimeMilliseconds(ts):yyyy.MM.dd HH:mm:ss.fff}}","ea_id":"py-feed","ea_token":"py-token"}""");
            }
        }
    }

    private static async Task<(int Exit, string Output)> RunPythonAsync(string script, params object[] args)
    {
        var info = new ProcessStartInfo(TestEnvironment.SystemPython) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(Convert.ToString(arg, CultureInfo.InvariantCulture)!);
        }

        info.ArgumentList.Add("60");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        var output = new StringBuilder().Append(await stdout).Append(await stderr).ToString();
        return (process.ExitCode, output);
    }

    public void Dispose() => _factory.Dispose();
}
