using Bitten.Contracts.Execution;
using Bitten.Modules.Execution.Fires;
using Bitten.Modules.Execution.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Execution.Api;

/// <summary>Fires holding a slot: queued, sent, unconfirmed or open.</summary>
internal sealed class GetOpenFireCountHandler(ExecutionDbContext db) : IRequestHandler<GetOpenFireCount, int>
{
    private static readonly FireStatus[] SlotStates = [FireStatus.Queued, FireStatus.Sent, FireStatus.Filled, FireStatus.Unconfirmed];

    public Task<int> Handle(GetOpenFireCount request, CancellationToken cancellationToken) =>
        db.Fires.CountAsync(f => f.UserId == request.UserId.Value && SlotStates.Contains(f.Status), cancellationToken);
}
