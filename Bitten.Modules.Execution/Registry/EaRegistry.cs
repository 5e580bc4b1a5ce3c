using Bitten.Contracts.Signals;
using Bitten.Modules.Execution.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Execution.Registry;

/// <summary>
/// The EAs the server knows: loaded from the database at first use (a restart knows its EAs before they
/// speak), updated by hello, heartbeats (5555 and 5556) and symbol reports, written through to the
/// database. Readers get immutable snapshots; writers serialise on one lock per registry.
/// </summary>
internal sealed class EaRegistry(IServiceScopeFactory scopes, IOptions<ExecutionOptions> options, TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _persistGate = new(1, 1);
    private readonly Dictionary<string, EaState> _eas = new(StringComparer.Ordinal);
    private volatile EaState[] _snapshot = [];
    private bool _loaded;

    public TimeSpan StaleAfter => options.Value.StaleAfter;

    public IReadOnlyList<EaState> Snapshot() => _snapshot;

    public EaState? Find(string eaId) => Array.Find(_snapshot, s => s.EaId == eaId);

    /// <summary>The EA a user's fires go to: the default one, otherwise the most recently seen.</summary>
    public EaState? TargetFor(long userId) =>
        _snapshot.Where(s => s.UserId == userId).OrderByDescending(s => s.IsDefault).ThenByDescending(s => s.LastSeenMs).FirstOrDefault();

    /// <summary>The order of <see cref="TargetFor"/>: the default EA first, then the most recently seen (ties keep the earlier).</summary>
    public static bool IsBetterTarget(EaState candidate, EaState current) =>
        candidate.IsDefault != current.IsDefault ? candidate.IsDefault : candidate.LastSeenMs > current.LastSeenMs;

    public async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_loaded)
            {
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ExecutionDbContext>();
            var eas = await db.Eas.AsNoTracking().ToListAsync(cancellationToken);
            var symbols = (await db.EaSymbols.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(s => s.EaId);
            var positions = (await db.EaPositions.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(p => p.EaId);
            foreach (var ea in eas)
            {
                _eas[ea.EaId] = new EaState(ea.EaId, ea.UserId, ea.IsDefault ?? false, ea.Currency ?? string.Empty, ea.Balance ?? 0, ea.Equity ?? 0,
                    ea.Margin ?? 0, ea.FreeMargin ?? 0, ea.BrokerUtcOffsetSeconds, ea.AccountLogin, ea.Broker, ea.LastSeenAtMs ?? 0, Session: false,
                    ea.StartOfDayEquity, ea.StartOfDayDay,
                    symbols[ea.EaId].ToDictionary(s => s.Symbol, ToSpec, StringComparer.Ordinal),
                    [.. positions[ea.EaId].Select(ToPosition)], null, PositionsAtMs: positions[ea.EaId].Select(p => p.ReportedAtMs).DefaultIfEmpty(0).Max());
            }

            Publish();
            _loaded = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// A valid hello: refused when another terminal holds the same ea_id and is still live. <paramref name="accepted"/>
    /// runs before the session becomes visible, so whatever it queues (the hello_ack) precedes any command to the EA.
    /// </summary>
    public async Task<string?> HelloAsync(string eaId, long userId, bool isDefault, EaHello hello, CancellationToken cancellationToken, Action? accepted = null)
    {
        await EnsureLoadedAsync(cancellationToken);
        var now = time.GetUtcNow();
        EaState state;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _eas.TryGetValue(eaId, out var old);
            if (old is not null && old.Session && old.IsFresh(now, StaleAfter)
                && old.AccountLogin is not null && hello.AccountLogin is not null && old.AccountLogin != hello.AccountLogin)
            {
                return "ea_id already connected from another terminal";
            }

            state = (old ?? Empty(eaId)) with
            {
                UserId = userId,
                IsDefault = isDefault,
                Currency = hello.Currency ?? old?.Currency ?? string.Empty,
                Balance = hello.Balance ?? old?.Balance ?? 0,
                Equity = hello.Equity ?? old?.Equity ?? 0,
                BrokerUtcOffsetSeconds = hello.BrokerUtcOffsetSeconds ?? old?.BrokerUtcOffsetSeconds,
                AccountLogin = hello.AccountLogin ?? old?.AccountLogin,
                Broker = hello.Broker ?? old?.Broker,
                LastSeenMs = now.ToUnixTimeMilliseconds(),
                Session = true,
                RouteVerified = true,
            };
            state = WithStartOfDay(state, now);
            accepted?.Invoke();
            _eas[eaId] = state;
            Publish();
        }
        finally
        {
            _gate.Release();
        }

        await PersistAsync(state, positions: null, symbols: null, cancellationToken);
        return null;
    }

    /// <summary>Applies a heartbeat of a known EA; false when the EA is unknown (never said hello, not stored).</summary>
    public async Task<EaState?> HeartbeatAsync(EaHeartbeatReceived heartbeat, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        var now = time.GetUtcNow();
        EaState state;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_eas.TryGetValue(heartbeat.EaId, out var old))
            {
                return null;
            }

            state = WithStartOfDay(old with
            {
                Currency = string.IsNullOrEmpty(heartbeat.Currency) ? old.Currency : heartbeat.Currency,
                Balance = heartbeat.Balance,
                Equity = heartbeat.Equity,
                Margin = heartbeat.Margin,
                FreeMargin = heartbeat.FreeMargin,
                BrokerUtcOffsetSeconds = heartbeat.BrokerUtcOffsetSeconds ?? old.BrokerUtcOffsetSeconds,
                LastSeenMs = Math.Max(old.LastSeenMs, now.ToUnixTimeMilliseconds()),
                Positions = heartbeat.Positions,
                PositionsAtMs = now.ToUnixTimeMilliseconds(),
            }, now);
            _eas[heartbeat.EaId] = state;
            Publish();
        }
        finally
        {
            _gate.Release();
        }

        await PersistAsync(state, heartbeat.Positions, symbols: null, cancellationToken);
        return state;
    }

    public async Task<bool> SymbolsAsync(EaSymbolsReported report, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        EaState state;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_eas.TryGetValue(report.EaId, out var old))
            {
                return false;
            }

            state = old with { Symbols = report.Symbols.GroupBy(s => s.Symbol).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal) };
            _eas[report.EaId] = state;
            Publish();
        }
        finally
        {
            _gate.Release();
        }

        await PersistAsync(state, positions: null, state.Symbols.Values.ToList(), cancellationToken);
        return true;
    }

    /// <summary>The EA's command connection is gone (unknown routing id, goodbye): it receives nothing until its next hello.</summary>
    public void EndSession(string eaId) => Mutate(eaId, s => s with { Session = false });

    /// <summary>
    /// A new connection claimed this EA's routing id (the ROUTER hands the route to the newest connection): nothing is
    /// sent to it until a valid hello arrives on that connection — an impostor that connects and stays silent gets no fire.
    /// </summary>
    public void RouteClaimed(string eaId) => Mutate(eaId, s => s with { RouteVerified = false });

    public void PingAnswered(string eaId, double rttMs) => Mutate(eaId, s => s with { LastPingRttMs = rttMs });

    private void Mutate(string eaId, Func<EaState, EaState> change)
    {
        _gate.Wait();
        try
        {
            if (_eas.TryGetValue(eaId, out var old))
            {
                _eas[eaId] = change(old);
                Publish();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static EaState WithStartOfDay(EaState state, DateTimeOffset now)
    {
        var day = now.ToUnixTimeMilliseconds() / 86_400_000;
        return state.StartOfDayDay == day || state.Equity <= 0 ? state : state with { StartOfDayDay = day, StartOfDayEquity = state.Equity };
    }

    private static EaState Empty(string eaId) =>
        new(eaId, 0, false, string.Empty, 0, 0, 0, 0, null, null, null, 0, false, null, null, new Dictionary<string, SymbolSpec>(StringComparer.Ordinal), [], null);

    private void Publish() => _snapshot = [.. _eas.Values];

    private async Task PersistAsync(EaState state, IReadOnlyList<EaPosition>? positions, IReadOnlyList<SymbolSpec>? symbols, CancellationToken cancellationToken)
    {
        await _persistGate.WaitAsync(cancellationToken);
        try
        {
            await PersistCoreAsync(state, positions, symbols, cancellationToken);
        }
        finally
        {
            _persistGate.Release();
        }
    }

    private async Task PersistCoreAsync(EaState state, IReadOnlyList<EaPosition>? positions, IReadOnlyList<SymbolSpec>? symbols, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExecutionDbContext>();
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var row = await db.Eas.FindAsync([state.EaId], cancellationToken);
        if (row is null)
        {
            row = new EaRecord { EaId = state.EaId, Label = state.EaId };
            db.Eas.Add(row);
        }

        row.UserId = state.UserId;
        row.LastSeenAtMs = state.LastSeenMs;
        row.IsDefault = state.IsDefault;
        row.Currency = state.Currency;
        row.Balance = state.Balance;
        row.Equity = state.Equity;
        row.Margin = state.Margin;
        row.FreeMargin = state.FreeMargin;
        row.BrokerUtcOffsetSeconds = state.BrokerUtcOffsetSeconds;
        row.AccountLogin = state.AccountLogin;
        row.Broker = state.Broker;
        row.StartOfDayEquity = state.StartOfDayEquity;
        row.StartOfDayDay = state.StartOfDayDay;
        if (positions is not null)
        {
            await db.EaPositions.Where(p => p.EaId == state.EaId).ExecuteDeleteAsync(cancellationToken);
            foreach (var p in positions.GroupBy(p => p.Position).Select(g => g.Last()))
            {
                db.EaPositions.Add(new EaPositionRecord
                {
                    EaId = state.EaId, Position = p.Position, FireId = string.IsNullOrEmpty(p.FireId) ? null : p.FireId, Symbol = p.Symbol, Side = (int)p.Side,
                    Volume = p.Volume, OpenPrice = p.OpenPrice, StopLoss = p.StopLoss, TakeProfit = p.TakeProfit, Profit = p.Profit, OpenTsMs = p.OpenTsMs, ReportedAtMs = nowMs,
                });
            }
        }

        if (symbols is not null)
        {
            await db.EaSymbols.Where(s => s.EaId == state.EaId).ExecuteDeleteAsync(cancellationToken);
            foreach (var s in symbols)
            {
                db.EaSymbols.Add(new EaSymbolRecord
                {
                    EaId = state.EaId, Symbol = s.Symbol, BrokerSymbol = s.BrokerSymbol, Digits = s.Digits, Point = s.Point, TickSize = s.TickSize, TickValue = s.TickValue,
                    ContractSize = s.ContractSize, VolumeMin = s.VolumeMin, VolumeStep = s.VolumeStep, VolumeMax = s.VolumeMax, StopsLevelPoints = s.StopsLevelPoints,
                    CurrencyProfit = s.CurrencyProfit, FillingModes = s.FillingModes, UpdatedAtMs = nowMs,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static SymbolSpec ToSpec(EaSymbolRecord s) =>
        new(s.Symbol, s.BrokerSymbol, s.Digits, s.Point, s.TickSize, s.TickValue, s.ContractSize, s.VolumeMin, s.VolumeStep, s.VolumeMax, s.StopsLevelPoints, s.CurrencyProfit, s.FillingModes);

    private static EaPosition ToPosition(EaPositionRecord p) =>
        new(p.Position, p.FireId, p.Symbol, (Contracts.Common.Side)p.Side, p.Volume, p.OpenPrice, p.StopLoss, p.TakeProfit, p.Profit, p.OpenTsMs);
}
