using Bitten.Contracts.Execution;
using Bitten.Modules.Execution.Guards;
using MediatR;

namespace Bitten.Modules.Execution.Integration;

/// <summary>Answers <see cref="SetTradingHalt"/> (the bot's /halt and /resume) through the same switch as <c>POST /api/admin/halt</c>.</summary>
internal sealed class SetTradingHaltHandler(HaltSwitch halt) : IRequestHandler<SetTradingHalt, bool>
{
    public async Task<bool> Handle(SetTradingHalt request, CancellationToken cancellationToken)
    {
        await halt.SetAsync(request.Halted, request.ChangedBy, cancellationToken);
        return await halt.IsHaltedAsync(cancellationToken);
    }
}
