using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Candles;
using Bitten.Modules.Signals.Outcomes;
using Bitten.Zmq;

namespace Bitten.Modules.Signals.Engine;

/// <summary>
/// The live engine's output: closed bars to the store and the market relay (PUB 5560, topic
/// <c>bar.SYMBOL.TF</c>), signals and resolutions to the publisher. Runs on the engine thread, which
/// owns the relay socket; nothing here blocks (a full queue drops and counts).
/// </summary>
internal sealed class ChannelEngineOutput(SignalsRuntime runtime, ZmqSocket? relay) : IEngineOutput
{
    private readonly ArrayBufferWriter<byte> _buffer = new(512);
    private Utf8JsonWriter? _json;
    private readonly byte[][] _barTopics = BuildTopics(runtime);

    // Bars closed during one engine step, handed to the signals.db writer after the step (see FlushBars).
    private readonly List<(string Symbol, Candle Candle)> _closedBars = new(8);

    public long DroppedBars { get; private set; }

    public void OnBarClosed(int symbolIndex, in Candle candle)
    {
        var symbol = runtime.Symbols[symbolIndex];
        _closedBars.Add((symbol.Name, candle));

        if (relay is null || !RelayHasPeers)
        {
            return; // with nobody connected, a bar is not formatted either (see RelayHasPeers)
        }

        var json = Writer();
        {
            json.WriteStartObject();
            json.WriteString("symbol", symbol.Name);
            json.WriteString("tf", candle.Timeframe.ToString());
            json.WriteNumber("open_ts_ms", candle.OpenTimeMs);
            json.WriteNumber("open", Math.Round(candle.Open, symbol.Digits + 1));
            json.WriteNumber("high", Math.Round(candle.High, symbol.Digits + 1));
            json.WriteNumber("low", Math.Round(candle.Low, symbol.Digits + 1));
            json.WriteNumber("close", Math.Round(candle.Close, symbol.Digits + 1));
            json.WriteNumber("tick_volume", candle.TickVolume);
            json.WriteBoolean("after_gap", candle.AfterGap);
            json.WriteEndObject();
            json.Flush();
        }

        relay.TrySend(_barTopics[(symbolIndex * 4) + TopicIndex(candle.Timeframe)], _buffer.WrittenSpan);
    }

    /// <summary>
    /// Hands the bars closed by the last engine step (a tick or a clock step) to the signals.db writer. Called after the
    /// step, so that a signal the step produced is queued before its bars: the writer, which serves signals first, then
    /// never starts a bar transaction that the signal would wait behind.
    /// </summary>
    public void FlushBars()
    {
        if (_closedBars.Count == 0)
        {
            return;
        }

        foreach (var bar in _closedBars)
        {
            if (!runtime.Bars.Writer.TryWrite(bar))
            {
                DroppedBars++;
            }
        }

        _closedBars.Clear();
    }

    public void OnSignal(EngineSignal signal) => runtime.Events.Writer.TryWrite(new EngineEvent(signal, null, SignalOutcome.Unknown, signal.CreatedMs));

    public void OnResolved(VirtualTrade trade, SignalOutcome outcome, long tsMs) => runtime.Events.Writer.TryWrite(new EngineEvent(null, trade, outcome, tsMs));

    /// <summary>
    /// Whether the relay has any peer. Asked per tick, so it is a cached answer refreshed by the engine's
    /// clock step (<see cref="RefreshRelayPeers"/>, at least every 250 ms): with nobody connected, a tick
    /// is not formatted at all. A subscriber that has just connected misses at most that long of ticks — as
    /// any ZeroMQ subscriber misses what is published before its subscription arrives.
    /// </summary>
    public bool RelayHasPeers { get; private set; } = true;

    public void RefreshRelayPeers() => RelayHasPeers = relay is not null && relay.GetMetrics().PeersConnected > 0;

    /// <summary>Relays an accepted tick (topic <c>tick.SYMBOL</c>); no allocation.</summary>
    public void RelayTick(int symbolIndex, double bid, double ask, long tsMs)
    {
        if (relay is null || !RelayHasPeers)
        {
            return;
        }

        relay.TrySend(_tickTopics[symbolIndex], _tickJson.Format(symbolIndex, bid, ask, tsMs));
    }

    private readonly TickRelayJson _tickJson = new([.. runtime.Symbols.All.Select(s => s.Name)]);

    private readonly byte[][] _tickTopics = [.. runtime.Symbols.All.Select(s => System.Text.Encoding.ASCII.GetBytes("tick." + s.Name))];

    // One writer, reset per message: relaying a tick does not allocate.
    private Utf8JsonWriter Writer()
    {
        _buffer.ResetWrittenCount();
        if (_json is null)
        {
            _json = new Utf8JsonWriter(_buffer);
        }
        else
        {
            _json.Reset(_buffer);
        }

        return _json;
    }

    private static int TopicIndex(Timeframe tf) => tf switch
    {
        Timeframe.M1 => 0,
        Timeframe.M5 => 1,
        Timeframe.M15 => 2,
        _ => 3,
    };

    private static byte[][] BuildTopics(SignalsRuntime runtime) =>
        [.. runtime.Symbols.All.SelectMany(s => new[] { "M1", "M5", "M15", "H1" }.Select(tf => System.Text.Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"bar.{s.Name}.{tf}"))))];
}
