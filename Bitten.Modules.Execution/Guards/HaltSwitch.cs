using Bitten.Modules.Execution.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Execution.Guards;

/// <summary>The global halt (<c>Execution:Halted</c>): read on every fire, persisted in <c>runtime_switches</c>.</summary>
internal sealed class HaltSwitch(IServiceScopeFactory scopes, TimeProvider time)
{
    public const string Key = "Execution:Halted";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _loaded;
    private volatile bool _halted;

    public string? ChangedBy { get; private set; }

    public DateTimeOffset? ChangedAt { get; private set; }

    public async Task<bool> IsHaltedAsync(CancellationToken cancellationToken)
    {
        if (!_loaded)
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                if (!_loaded)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var row = await scope.ServiceProvider.GetRequiredService<ExecutionDbContext>().RuntimeSwitches.AsNoTracking().FirstOrDefaultAsync(r => r.Key == Key, cancellationToken);
                    _halted = row?.Value ?? false;
                    ChangedBy = row?.UpdatedBy;
                    ChangedAt = row is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(row.UpdatedAtMs);
                    _loaded = true;
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        return _halted;
    }

    public async Task SetAsync(bool halted, string who, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // The switch takes effect before the write: a halt must stop fires at once.
            _halted = halted;
            _loaded = true;
            var now = time.GetUtcNow();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ExecutionDbContext>();
            var row = await db.RuntimeSwitches.FirstOrDefaultAsync(r => r.Key == Key, cancellationToken);
            if (row is null)
            {
                row = new RuntimeSwitchRecord { Key = Key };
                db.RuntimeSwitches.Add(row);
            }

            row.Value = halted;
            row.UpdatedBy = who.Length <= 128 ? who : who[..128];
            row.UpdatedAtMs = now.ToUnixTimeMilliseconds();
            await db.SaveChangesAsync(cancellationToken);
            ChangedBy = row.UpdatedBy;
            ChangedAt = now;
        }
        finally
        {
            _gate.Release();
        }
    }
}
