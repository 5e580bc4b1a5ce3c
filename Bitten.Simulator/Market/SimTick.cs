namespace Bitten.Simulator.Market;

/// <summary>One generated quote, already rounded to the symbol's digits.</summary>
internal readonly record struct SimTick(int SymbolIndex, long TsMs, decimal Bid, decimal Ask);
