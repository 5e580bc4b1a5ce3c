using System.Collections.Concurrent;
using Bitten.Contracts.Common;
using Bitten.Contracts.Signals;
using Bitten.Contracts.Users;

namespace Bitten.Modules.Execution.Tests.Harness;

/// <summary>What the fake Users and Signals handlers answer; tests change it freely.</summary>
public sealed class FakeWorld
{
    public ConcurrentDictionary<string, (string Token, long UserId, bool IsDefault)> Eas { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<long, UserEntitlements> Entitlements { get; } = new();

    public ConcurrentDictionary<long, UserRiskProfile> Profiles { get; } = new();

    /// <summary>GetUserRiskProfiles requests received (auto-fire asks once per batch).</summary>
    public int RiskProfileRequests;

    public ConcurrentQueue<Contracts.Missions.FireMissionCommand> FireCommands { get; } = new();

    public ConcurrentDictionary<string, MarketQuote> Quotes { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, decimal> Atr { get; } = new(StringComparer.Ordinal);

    public void AddUser(long userId, int maxOpenFires = 3, bool canFire = true, bool autoFire = false) =>
        Entitlements[userId] = new UserEntitlements(new UserId(userId), "COMMANDER", FireMode.ManualAndAuto, canFire, maxOpenFires, autoFire, false, 2m, true);

    public void Quote(string symbol, decimal bid, decimal ask, bool stale = false) =>
        Quotes[symbol] = new MarketQuote(symbol, bid, ask, 0, stale, 5, 0.0001m);
}
