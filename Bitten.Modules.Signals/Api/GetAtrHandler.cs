using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Engine;
using MediatR;

namespace Bitten.Modules.Signals.Api;

/// <summary>Answers Execution's trail question from the engine's last closed M5 bar (a double written by the engine thread; reads are atomic).</summary>
internal sealed class GetAtrHandler(SignalsRuntime runtime) : IRequestHandler<GetAtr, decimal?>
{
    public Task<decimal?> Handle(GetAtr request, CancellationToken cancellationToken)
    {
        var symbol = runtime.Symbols.Find(request.Symbol);
        if (symbol is null || runtime.Engine is not { } engine)
        {
            return Task.FromResult<decimal?>(null);
        }

        var atr = engine.State(symbol.Index).Context.Atr;
        return Task.FromResult<decimal?>(double.IsNaN(atr) || atr <= 0 ? null : Math.Round((decimal)atr, symbol.Digits + 1));
    }
}
