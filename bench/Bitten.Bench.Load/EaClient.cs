using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Bitten.Zmq;

namespace Bitten.Bench.Load;

/// <summary>
/// One simulated Expert Advisor, a client exactly like a terminal's (PROTOCOL.md): DEALER to the command port with
/// routing id = ea_id (hello, heartbeats; reads fire and ping), PUSH to the feed port (symbols, and ticks when it is a
/// feed EA), PUSH to the report port (confirmations, close reports, pongs). Every fire is answered with a filled
/// confirmation at once and closed at its target a few seconds later (close_report "tp"), so slots free up and no
/// loss guard trips.
/// </summary>
internal sealed class EaClient(string eaId, string token, HostPorts ports, Recorder recorder) : IAsyncDisposable
{
    private static readonly TimeSpan HoldPosition = TimeSpan.FromSeconds(3);
    private readonly ZmqSocket _dealer = new(ZmqSocketType.Dealer, new ZmqSocketOptions { Name = "ea-" + eaId, RoutingId = Encoding.UTF8.GetBytes(eaId), ReceiveHighWaterMark = 10_000 });
    private readonly ZmqSocket _feed = new(ZmqSocketType.Push, new ZmqSocketOptions { Name = "ea-feed-" + eaId, SendHighWaterMark = 100_000 });
    private readonly ZmqSocket _reports = new(ZmqSocketType.Push, new ZmqSocketOptions { Name = "ea-reports-" + eaId, SendHighWaterMark = 10_000 });
    private readonly ConcurrentDictionary<string, OpenPosition> _positions = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _acked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _feedLock = new();
    private long _position = (long)Math.Abs(eaId.GetHashCode()) * 1000;

    public string EaId => eaId;

    public Task Acked => _acked.Task;

    public long TicksDropped;

    public async Task StartAsync(CancellationToken ct)
    {
        _dealer.Connect($"tcp://127.0.0.1:{ports.Command}");
        _feed.Connect($"tcp://127.0.0.1:{ports.Feed}");
        _reports.Connect($"tcp://127.0.0.1:{ports.Report}");
        _ = ReadLoopAsync(ct);
        _ = HeartbeatLoopAsync(ct);
        await SendHelloAsync(ct);
    }

    private async Task SendHelloAsync(CancellationToken ct) =>
        await _dealer.SendAsync(Json(w =>
        {
            Head(w, "hello");
            w.WriteNumber("v", 1);
            w.WriteNumber("account_login", 70_000_000 + (Math.Abs(eaId.GetHashCode()) % 1_000_000));
            w.WriteString("broker", "Load Paper");
            w.WriteString("server", "Load-Demo");
            w.WriteString("currency", "USD");
            w.WriteNumber("balance", 10_000);
            w.WriteNumber("equity", 10_000);
            w.WriteNumber("leverage", 100);
            w.WriteNumber("broker_utc_offset_s", 0);
            w.WriteString("ea_version", "bitten-load/1.0");
            w.WriteNumber("ts_ms", NowMs);
        }), ct);

    /// <summary>A feed tick (PUSH 5556); never blocks the tick pacer: a full queue drops and counts.</summary>
    public void SendTick(string symbol, double bid, double ask, int digits)
    {
        var frame = Json(w =>
        {
            Head(w, "tick");
            w.WriteString("symbol", symbol);
            w.WriteNumber("bid", Math.Round(bid, digits));
            w.WriteNumber("ask", Math.Round(ask, digits));
            w.WriteNumber("ts_ms", NowMs);
        });
        lock (_feedLock)
        {
            if (_feed.TrySend(frame) != ZmqSendResult.Sent)
            {
                Interlocked.Increment(ref TicksDropped);
            }
        }
    }

    private async Task ReadLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            ZmqMessage message;
            try
            {
                message = await _dealer.ReceiveAsync(ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                recorder.Error("ea receive", ex.Message);
                return;
            }

            var at = Stopwatch.GetTimestamp();
            using (message)
            {
                try
                {
                    await HandleAsync(message.GetString(message.FrameCount - 1), at, ct);
                }
                catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
                {
                    recorder.Error("ea bad command", ex.Message);
                }
            }
        }
    }

    private async Task HandleAsync(string text, long at, CancellationToken ct)
    {
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement;
        switch (root.GetProperty("type").GetString())
        {
            case "hello_ack":
                if (root.TryGetProperty("ok", out var ok) && ok.GetBoolean())
                {
                    // After the ack: a symbols message that overtakes the hello (another socket) is dropped as unknown_ea.
                    if (_acked.TrySetResult())
                    {
                        await _feed.SendAsync(Symbols(), ct);
                    }
                }
                else
                {
                    recorder.Error("ea hello refused", text);
                }

                break;
            case "fire":
                var fireId = root.GetProperty("fire_id").GetString()!;
                recorder.FireAtEa.TryAdd(fireId, at);
                recorder.Count("ea_fires_received");
                await ConfirmAsync(root, fireId, ct);
                break;
            case "ping":
                await _reports.SendAsync(Json(w =>
                {
                    Head(w, "pong");
                    w.WriteString("ping_id", root.GetProperty("ping_id").GetString());
                    w.WriteNumber("ts_ms", NowMs);
                }), ct);
                break;
            case "close_all":
                foreach (var id in _positions.Keys)
                {
                    await CloseAsync(id, "server", ct);
                }

                break;
            case "close":
                await CloseAsync(root.GetProperty("fire_id").GetString()!, "server", ct);
                break;
            default:
                recorder.Count("ea_other_commands");
                break;
        }
    }

    private async Task ConfirmAsync(JsonElement fire, string fireId, CancellationToken ct)
    {
        var side = fire.GetProperty("side").GetString()!;
        var symbol = fire.GetProperty("symbol").GetString()!;
        var volume = fire.GetProperty("volume").GetDecimal();
        var sl = fire.GetProperty("sl").GetDecimal();
        var tp = fire.GetProperty("tp").GetDecimal();
        // Filled at the midpoint between stop and target's own scale: at the entry implied by the stop and target (risk:reward 1:1.5).
        var price = side == "BUY" ? sl + ((tp - sl) / 2.5m) : sl - ((sl - tp) / 2.5m);
        var position = Interlocked.Increment(ref _position);
        _positions[fireId] = new OpenPosition(fireId, position, symbol, side, volume, price, sl, tp, NowMs);
        recorder.Confirmed.TryAdd(fireId, Stopwatch.GetTimestamp());
        await _reports.SendAsync(Json(w =>
        {
            Head(w, "confirmation");
            w.WriteString("fire_id", fireId);
            w.WriteString("status", "filled");
            w.WriteNumber("retcode", 10009);
            w.WriteNumber("order", position);
            w.WriteNumber("deal", position);
            w.WriteNumber("position", position);
            w.WriteNumber("price", price);
            w.WriteNumber("volume", volume);
            w.WriteNumber("sl", sl);
            w.WriteNumber("tp", tp);
            w.WriteString("message", "done");
            w.WriteNumber("ts_ms", NowMs);
        }), ct);
        _ = Task.Delay(HoldPosition, ct).ContinueWith(_ => CloseAsync(fireId, "tp", ct), ct, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default).Unwrap();
    }

    private async Task CloseAsync(string fireId, string reason, CancellationToken ct)
    {
        if (!_positions.TryRemove(fireId, out var p))
        {
            return;
        }

        var profit = Math.Round(Math.Abs(p.Tp - p.Price) * p.Volume * 100_000m, 2);
        await _reports.SendAsync(Json(w =>
        {
            Head(w, "close_report");
            w.WriteString("fire_id", fireId);
            w.WriteNumber("position", p.Position);
            w.WriteNumber("close_price", p.Tp);
            w.WriteNumber("volume", p.Volume);
            w.WriteNumber("profit", Math.Min(profit, 100m));
            w.WriteNumber("commission", 0);
            w.WriteNumber("swap", 0);
            w.WriteString("reason", reason);
            w.WriteNumber("ts_ms", NowMs);
        }), ct);
        recorder.Count("ea_closes");
    }

    private async Task HeartbeatLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                if (!_acked.Task.IsCompleted)
                {
                    await SendHelloAsync(ct); // PROTOCOL: hello again while no hello_ack
                }

                await _dealer.SendAsync(Heartbeat(), ct);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private byte[] Heartbeat() => Json(w =>
    {
        Head(w, "heartbeat");
        w.WriteNumber("balance", 10_000);
        w.WriteNumber("equity", 10_000);
        w.WriteNumber("margin", 0);
        w.WriteNumber("free_margin", 10_000);
        w.WriteNull("margin_level");
        w.WriteString("currency", "USD");
        w.WriteNumber("broker_utc_offset_s", 0);
        w.WriteStartArray("positions");
        foreach (var p in _positions.Values)
        {
            w.WriteStartObject();
            w.WriteNumber("position", p.Position);
            w.WriteString("fire_id", p.FireId);
            w.WriteString("symbol", p.Symbol);
            w.WriteString("side", p.Side);
            w.WriteNumber("volume", p.Volume);
            w.WriteNumber("open_price", p.Price);
            w.WriteNumber("sl", p.Sl);
            w.WriteNumber("tp", p.Tp);
            w.WriteNumber("profit", 0);
            w.WriteNumber("open_ts_ms", p.OpenMs);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("ts_ms", NowMs);
    });

    private byte[] Symbols() => Json(w =>
    {
        Head(w, "symbols");
        w.WriteStartArray("symbols");
        foreach (var s in Market.All)
        {
            var point = (decimal)Math.Pow(10, -s.Digits);
            w.WriteStartObject();
            w.WriteString("symbol", s.Name);
            w.WriteString("broker_symbol", s.Name + ".ld");
            w.WriteNumber("digits", s.Digits);
            w.WriteNumber("point", point);
            w.WriteNumber("tick_size", point);
            w.WriteNumber("tick_value", Math.Round(s.TickValueUsd, 6));
            w.WriteNumber("contract_size", s.ContractSize);
            w.WriteNumber("volume_min", 0.01m);
            w.WriteNumber("volume_step", 0.01m);
            w.WriteNumber("volume_max", 100m);
            w.WriteNumber("stops_level_points", 0);
            w.WriteString("currency_profit", s.ProfitCurrency);
            w.WriteNumber("filling_modes", 3);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private static long NowMs => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private void Head(Utf8JsonWriter w, string type)
    {
        w.WriteString("type", type);
        w.WriteString("ea_id", eaId);
        w.WriteString("ea_token", token);
    }

    private static byte[] Json(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _dealer.DisposeAsync();
        await _feed.DisposeAsync();
        await _reports.DisposeAsync();
    }

    private sealed record OpenPosition(string FireId, long Position, string Symbol, string Side, decimal Volume, decimal Price, decimal Sl, decimal Tp, long OpenMs);
}
