using Bitten.Contracts.Common;
using Bitten.Contracts.Signals;
using MediatR;

namespace Bitten.Contracts.Execution;

/// <summary>The symbol spec the user's default EA reported (tick value/size, volume limits), or null when unknown.</summary>
public sealed record GetBrokerSymbol(UserId UserId, string Symbol) : IRequest<SymbolSpec?>;
