namespace Bitten.Modules.Signals.Ingest;

/// <summary>One validated-shape tick on its way to the engine (a struct: the channel does not allocate per tick).</summary>
internal readonly record struct TickEvent(int SymbolIndex, double Bid, double Ask, long TsMs, long ReceivedTicks);
