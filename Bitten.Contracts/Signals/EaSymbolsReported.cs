using MediatR;

namespace Bitten.Contracts.Signals;

/// <summary>An authenticated EA reported its symbol specifications on the feed socket (handled by Execution).</summary>
public sealed record EaSymbolsReported(string EaId, IReadOnlyList<SymbolSpec> Symbols, DateTimeOffset ReceivedAt) : INotification;
