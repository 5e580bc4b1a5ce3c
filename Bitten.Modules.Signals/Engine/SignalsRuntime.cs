using System.Threading.Channels;
using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Candles;
using Bitten.Modules.Signals.Ingest;
using Bitten.Modules.Signals.Market;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Signals.Engine;

/// <summary>
/// The module's shared live state: the symbol catalogue, the engine's inputs and outputs as bounded
/// channels, the threshold and pattern record, and feed health. Singleton; the engine itself lives on
/// <see cref="EngineService"/>'s thread.
/// </summary>
internal sealed class SignalsRuntime
{
    public SignalsRuntime(IOptions<SignalsOptions> options)
    {
        var o = options.Value;
        Options = o;
        Symbols = new SymbolCatalog(o.ActiveSymbols, o.ReserveSymbols);
        Threshold = new ThresholdState(o.InitialThreshold);
        TickQueue = new TickQueue(o.TickQueueCapacity);
        Events = Channel.CreateBounded<EngineEvent>(new BoundedChannelOptions(100_000) { SingleReader = true, SingleWriter = true });
        Bars = Channel.CreateBounded<(string Symbol, Candle Candle)>(new BoundedChannelOptions(200_000) { SingleReader = true, SingleWriter = true });
        LastTickMs = new long[Symbols.Count];
        LastBid = new double[Symbols.Count];
        LastAsk = new double[Symbols.Count];
        Array.Fill(LastTickMs, long.MinValue);
    }

    public SignalsOptions Options { get; }

    public SymbolCatalog Symbols { get; }

    public ThresholdState Threshold { get; }

    public PatternRecord PatternRecord { get; } = new();

    public BrokerOffsets BrokerOffsets { get; } = new();

    /// <summary>Ingest → engine: one producer (the feed socket's serialised receiver), one consumer (the engine thread).</summary>
    public TickQueue TickQueue { get; }

    public Channel<EngineEvent> Events { get; }

    public Channel<(string Symbol, Candle Candle)> Bars { get; }

    /// <summary>Set once the engine exists (for counters in metrics and health).</summary>
    public SignalEngine? Engine { get; set; }

    /// <summary>Last accepted tick time per symbol (engine thread writes, health reads).</summary>
    public long[] LastTickMs { get; }

    /// <summary>Last accepted bid and ask per symbol (engine thread writes; 64-bit reads are atomic).</summary>
    public double[] LastBid { get; } = [];

    public double[] LastAsk { get; } = [];

    /// <summary>Ingest-side rejections (before the engine), by reason.</summary>
    public long[] IngestRejected { get; } = new long[IngestRejectReasons.Count];

    public long MessagesReceived;

    public long LastSignalMs = long.MinValue;

    public bool IsStale(int symbol, long nowMs) =>
        !TradingCalendar.IsWeekend(nowMs) && (LastTickMs[symbol] == long.MinValue || nowMs - Volatile.Read(ref LastTickMs[symbol]) > Options.StaleAfterSeconds * 1000L);

    public void CountRejected(IngestRejectReason reason) => Interlocked.Increment(ref IngestRejected[(int)reason]);
}

/// <summary>What the engine thread hands to the publisher: a new signal or a resolution.</summary>
internal sealed record EngineEvent(EngineSignal? Signal, Outcomes.VirtualTrade? Trade, SignalOutcome Outcome, long TsMs);
