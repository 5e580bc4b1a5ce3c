using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Signals;
using Bitten.Contracts.Users;

namespace Bitten.Modules.Missions.Tests.Support;

#pragma warning disable IDE1006 // parameter names mirror the harness properties they replace

/// <summary>Test data: audience members with accounts, and signals.</summary>
internal static class Seed
{
    /// <summary>Users 1..count on USD accounts of 10,000 with GLADIATOR-like rules.</summary>
    public static void Users(FakeWorld World, TimeProvider Time, int count, int firstId = 1, bool withAccount = true)
    {
        for (var id = firstId; id < firstId + count; id++)
        {
            World.Audience.Add(new AudienceMember(new UserId(id), "GLADIATOR", CanFire: true, RiskPercent: 2m, MaxRiskPercent: 5m,
                AutoFireEnabled: false, MinWinProbability: 0.55m, HasLinkedEa: withAccount));
            if (withAccount)
            {
                World.Accounts[id] = Account(Time, id);
            }
        }
    }

    public static UserAccount Account(TimeProvider Time, long id, decimal balance = 10_000m, string currency = "USD") =>
        new(new UserId(id), "ea-" + id, currency, balance, balance, true, Time.GetUtcNow(), balance, 0m);

    public static SignalPublished Signal(TimeProvider Time, string symbol = "EURUSD", decimal entry = 1.10000m, decimal sl = 1.09800m, decimal tp = 1.10300m,
        ShieldClass shield = ShieldClass.ShieldActive, decimal multiplier = 1.0m, TimeSpan? ttl = null)
    {
        var now = Time.GetUtcNow();
        return new SignalPublished(SignalId.New(now), symbol, Side.Buy, "LIQUIDITY_SWEEP_REVERSAL", Timeframe.M5, entry, sl, tp, 20m, 30m, 1.5,
            80, 7.0, shield, multiplier, 0.6, 0.5, TradingSession.London, "RAPID", null, now, now + (ttl ?? TimeSpan.FromMinutes(15)), now);
    }

}
