using Bitten.Contracts.Execution;
using Bitten.Contracts.Signals;
using Bitten.Modules.Execution.Registry;
using MediatR;

namespace Bitten.Modules.Execution.Api;

/// <summary>The symbol spec of the user's fire target EA, or null.</summary>
internal sealed class GetBrokerSymbolHandler(EaRegistry registry) : IRequestHandler<GetBrokerSymbol, SymbolSpec?>
{
    public async Task<SymbolSpec?> Handle(GetBrokerSymbol request, CancellationToken cancellationToken)
    {
        await registry.EnsureLoadedAsync(cancellationToken);
        return registry.TargetFor(request.UserId.Value) is { } ea && ea.Symbols.TryGetValue(request.Symbol, out var spec) ? spec : null;
    }
}
