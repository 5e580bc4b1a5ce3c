using System.Diagnostics;
using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Missions;
using Bitten.Contracts.Signals;
using Bitten.Contracts.Users;
using Bitten.Modules.Missions.Lifecycle;
using Bitten.Modules.Missions.Messaging;
using Bitten.Modules.Missions.Persistence;
using Bitten.Modules.Missions.Sizing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Missions.Creation;

/// <summary>
/// One signal → one personal mission per eligible user: one audience query, the accounts and broker symbol specs of
/// all new recipients in one request (<see cref="GetUserAccounts"/>), sizing, one batched transaction, then one
/// announcement of the whole batch (<see cref="MissionAnnouncer"/>: stream frames, then <see cref="MissionsCreated"/>).
/// Idempotent per (user, signal): a replay finds every mission present and creates nothing. Run by
/// <see cref="FanOutWorker"/>, off the Signals publisher's loop.
/// </summary>
internal sealed class MissionFanOut(
    MissionsDbContext db,
    Requests requests,
    MissionAnnouncer announcer,
    TimeProvider time,
    IOptions<MissionsOptions> options,
    MissionsMetrics metrics,
    FanOutsInProgress inProgress,
    ILogger<MissionFanOut> logger)
{
    private readonly MissionsOptions _options = options.Value;

    /// <summary>Where the last fan-out of this scope spent its time (for the benchmark and the log).</summary>
    public FanOutPhases? LastPhases { get; private set; }

    public async Task<FanOutResult> CreateAsync(SignalPublished signal, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow();
        var expires = signal.ExpiresAt > signal.CreatedAt ? signal.ExpiresAt : signal.CreatedAt.AddMinutes(_options.MissionTtlMinutes);
        if (expires <= now)
        {
            Log.SignalAlreadyExpired(logger, signal.SignalId.Value, expires);
            return FanOutResult.Empty;
        }

        var (available, audience) = await requests.TrySendAsync<ListSignalAudience, IReadOnlyList<AudienceMember>>(new ListSignalAudience(), cancellationToken);
        if (!available || audience is null)
        {
            Log.NoAudienceSource(logger, signal.SignalId.Value);
            return FanOutResult.Empty;
        }

        var signalId = signal.SignalId.Value;
        using var running = inProgress.Begin(signalId); // the recovery job leaves this signal's rows to us until we return
        var existing = (await db.Missions.AsNoTracking().Where(m => m.SignalId == signalId).Select(m => m.UserId).ToListAsync(cancellationToken)).ToHashSet();
        var rates = new CrossRates(requests);
        var seen = new HashSet<long>();
        var members = audience.Where(m => seen.Add(m.UserId.Value) && !existing.Contains(m.UserId.Value)).ToList();
        var accounts = await AccountsAsync(members, signal.Symbol, cancellationToken);
        var rows = new List<MissionRecord>(members.Count);
        foreach (var member in members)
        {
            var row = NewRow(signal, member.UserId, now, expires);
            try
            {
                await SizeAsync(row, signal, member, accounts.GetValueOrDefault(member.UserId.Value), rates, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.SizingFailed(logger, signalId, member.UserId.Value, ex);
                ViewOnly(row, FireRefusal.SymbolUnavailable, "the mission could not be sized (an internal error was logged); it cannot be fired");
            }

            rows.Add(row);
        }

        var sized = Stopwatch.GetTimestamp();
        var inserted = await MissionWriter.InsertNewAsync(db, rows, cancellationToken);
        var stored = Stopwatch.GetTimestamp();
        await announcer.AnnounceAsync(signalId, inserted, now, cancellationToken);

        // The rows were the outbox: once announced they are marked; a crash before this line leaves them for AnnouncementRecoveryJob.
        if (inserted.Count > 0)
        {
            await MissionAnnouncement.MarkFanOutAnnouncedAsync(db, signalId, inserted[0].CreatedAtMs, time.GetUtcNow(), cancellationToken);
        }

        var fireable = inserted.Count(r => r.Fireable);
        metrics.Created.Add(fireable, new KeyValuePair<string, object?>("fireable", "true"));
        metrics.Created.Add(inserted.Count - fireable, new KeyValuePair<string, object?>("fireable", "false"));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        metrics.FanOut.Record(elapsed);
        var phases = new FanOutPhases(
            Stopwatch.GetElapsedTime(started, sized).TotalMilliseconds,
            Stopwatch.GetElapsedTime(sized, stored).TotalMilliseconds,
            Stopwatch.GetElapsedTime(stored).TotalMilliseconds);
        Log.FanOutDone(logger, signalId, signal.Symbol, inserted.Count, fireable, inserted.Count - fireable, audience.Count - rows.Count, audience.Count, elapsed,
            phases.SizeMs, phases.StoreMs, phases.AnnounceMs);
        LastPhases = phases;
        return new FanOutResult(audience.Count, inserted.Count, fireable, audience.Count - rows.Count);
    }

    /// <summary>Every recipient's account and broker spec of the symbol in one request; empty when Execution is not running.</summary>
    private async Task<Dictionary<long, UserAccountWithSymbol>> AccountsAsync(List<AudienceMember> members, string symbol, CancellationToken cancellationToken)
    {
        if (members.Count == 0)
        {
            return [];
        }

        var (_, answer) = await requests.TrySendAsync<GetUserAccounts, IReadOnlyList<UserAccountWithSymbol>>(
            new GetUserAccounts([.. members.Select(m => m.UserId)], symbol), cancellationToken);
        var byUser = new Dictionary<long, UserAccountWithSymbol>(answer?.Count ?? 0);
        foreach (var a in answer ?? [])
        {
            byUser[a.Account.UserId.Value] = a;
        }

        return byUser;
    }

    private async Task SizeAsync(MissionRecord row, SignalPublished signal, AudienceMember member, UserAccountWithSymbol? found, CrossRates rates, CancellationToken cancellationToken)
    {
        var account = found?.Account;
        if (account is null)
        {
            ViewOnly(row, FireRefusal.NoTerminal, member.HasLinkedEa
                ? "your terminal has not reported its balance yet: start the BITTEN EA on it, then new missions are sized to your account"
                : "no terminal is linked to your account: link a terminal with /link to get missions sized to your balance and fire them");
            return;
        }

        var currency = account.Currency.Trim().ToUpperInvariant();
        row.AccountCurrency = currency;
        row.Balance = account.Balance;
        if (currency.Length != 3)
        {
            ViewOnly(row, FireRefusal.NoTerminal, "your terminal did not report its account currency: restart the BITTEN EA");
            return;
        }

        var spec = found!.Symbol;
        var value = PriceUnitValue.FromSpec(spec);
        row.ValueSource = "broker";
        if (value is null)
        {
            var (rate, missing) = await rates.QuoteToAccountAsync(signal.Symbol, currency, signal.Entry, cancellationToken);
            if (rate is null)
            {
                ViewOnly(row, FireRefusal.SymbolUnavailable,
                    $"the mission cannot be sized: no live price of {missing} to value {signal.Symbol} in {currency}");
                return;
            }

            var contract = spec is { ContractSize: > 0 } ? spec.ContractSize : Instruments.DefaultContractSize(signal.Symbol);
            value = contract * rate.Value;
            row.ValueSource = "cross_rates";
        }

        var limits = spec is { VolumeMin: > 0, VolumeStep: > 0 } && spec.VolumeMax >= spec.VolumeMin
            ? new VolumeLimits(spec.VolumeMin, spec.VolumeStep, spec.VolumeMax)
            : new VolumeLimits(_options.DefaultVolumeMin, _options.DefaultVolumeStep, _options.DefaultVolumeMax);
        var sizing = PositionSizer.Size(new SizingInput(
            account.Balance, account.StartOfDayEquity, account.RealisedTodayMoney,
            member.RiskPercent > 0 ? member.RiskPercent : _options.DefaultRiskPercent, member.MaxRiskPercent,
            row.ShieldMultiplier, _options.DailyLossCapPercent, _options.HalveRiskAfterDailyLossPercent,
            signal.Entry, signal.StopLoss, signal.TakeProfit, value.Value, limits));
        row.Volume = sizing.Volume;
        row.RiskMoney = sizing.RiskMoney;
        row.RewardMoney = sizing.RewardMoney;
        row.RiskPercent = sizing.TargetRiskPercent;
        if (!sizing.Fireable)
        {
            ViewOnly(row, sizing.Refusal, sizing.Reason!);
        }
        else if (!member.CanFire)
        {
            ViewOnly(row, FireRefusal.NotPermitted, $"your tier ({member.Tier}) shows signals but does not fire them: upgrade to fire missions");
        }
    }

    private static void ViewOnly(MissionRecord row, FireRefusal refusal, string reason)
    {
        row.Status = (int)MissionStatus.ViewOnly;
        row.Fireable = false;
        row.NotFireableCode = (int)refusal;
        row.NotFireableReason = reason;
    }

    private static MissionRecord NewRow(SignalPublished s, UserId user, DateTimeOffset now, DateTimeOffset expires) => new()
    {
        Id = MissionId.New(now).Value,
        UserId = user.Value,
        SignalId = s.SignalId.Value,
        Status = (int)MissionStatus.Pending,
        CreatedAtMs = now.ToUnixTimeMilliseconds(),
        ExpiresAtMs = expires.ToUnixTimeMilliseconds(),
        UpdatedAtMs = now.ToUnixTimeMilliseconds(),
        Symbol = s.Symbol,
        Side = (int)s.Side,
        Pattern = s.Pattern,
        Timeframe = (int)s.Timeframe,
        Entry = s.Entry,
        StopLoss = s.StopLoss,
        TakeProfit = s.TakeProfit,
        StopPips = s.StopPips,
        TargetPips = s.TargetPips,
        RiskReward = s.RiskReward,
        Confidence = s.Confidence,
        ShieldScore = s.ShieldScore,
        ShieldClass = (int)s.ShieldClass,
        ShieldMultiplier = s.ShieldMultiplier > 0 ? s.ShieldMultiplier : ShieldMultiplierOf(s.ShieldClass),
        WinProbability = s.WinProbability,
        ExpectedValueR = s.ExpectedValueR,
        Session = (int)s.Session,
        SignalClass = s.SignalClass,
        SignalCreatedAtMs = s.CreatedAt.ToUnixTimeMilliseconds(),
        Fireable = true,
    };

    /// <summary>DOMAIN §6 multipliers, used only if a signal arrives without its own.</summary>
    private static decimal ShieldMultiplierOf(ShieldClass shield) => shield switch
    {
        ShieldClass.ShieldApproved => 1.5m,
        ShieldClass.ShieldActive => 1.0m,
        ShieldClass.VolatilityZone => 0.5m,
        _ => 0.25m,
    };
}
