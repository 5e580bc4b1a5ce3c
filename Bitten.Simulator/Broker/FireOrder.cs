using Bitten.Contracts.Common;

namespace Bitten.Simulator.Broker;

/// <summary>A PROTOCOL <c>fire</c> as the paper broker sees it (symbol already canonical).</summary>
internal sealed record FireOrder(string FireId, string Symbol, Side Side, decimal Volume, decimal Sl, decimal Tp, int MaxDeviationPoints, long ExpiresTsMs, string? Comment);
