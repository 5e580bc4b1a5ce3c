using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Persistence;
using Bitten.Modules.Signals.Publishing;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Signals.Api;

/// <summary>Answers <see cref="ListLiveSignals"/> from signals.db (range on the created index, so only recent rows are read).</summary>
internal sealed class ListLiveSignalsHandler(SignalsDbContext db) : IRequestHandler<ListLiveSignals, IReadOnlyList<SignalPublished>>
{
    public async Task<IReadOnlyList<SignalPublished>> Handle(ListLiveSignals request, CancellationToken cancellationToken)
    {
        var since = request.CreatedSince.ToUnixTimeMilliseconds();
        var at = request.At.ToUnixTimeMilliseconds();
        var rows = await db.Signals.AsNoTracking()
            .Where(s => s.CreatedMs >= since && s.ExpiresMs > at)
            .OrderBy(s => s.CreatedMs)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(SignalWire.Notification)];
    }
}
