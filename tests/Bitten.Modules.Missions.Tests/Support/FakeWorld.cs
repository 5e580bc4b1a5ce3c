using System.Collections.Concurrent;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Missions;
using Bitten.Contracts.Signals;
using Bitten.Contracts.Users;

namespace Bitten.Modules.Missions.Tests.Support;

/// <summary>What the other modules would answer, set by each test; and what Missions announced.</summary>
public sealed class FakeWorld
{
    public List<AudienceMember> Audience { get; } = [];

    public ConcurrentDictionary<long, UserAccount> Accounts { get; } = new();

    public ConcurrentDictionary<(long, string), SymbolSpec> Specs { get; } = new();

    public ConcurrentDictionary<string, MarketQuote> Quotes { get; } = new();

    internal Func<FireMission, FireDecision> Fire { get; set; } = m => FireDecision.Accept(Bitten.Contracts.Common.FireId.New(DateTimeOffset.UtcNow));

    public ConcurrentQueue<FireMission> FiresReceived { get; } = new();

    /// <summary>Execution's fires by mission id, as <c>GetMissionFires</c> answers them.</summary>
    public ConcurrentDictionary<string, MissionFire> MissionFires { get; } = new();

    public ConcurrentQueue<MissionCreated> Created { get; } = new();

    /// <summary>Every MissionsCreated announced (one per fan-out or recovered batch).</summary>
    public ConcurrentQueue<MissionsCreated> Batches { get; } = new();

    public ConcurrentQueue<MissionStateChanged> StateChanges { get; } = new();

    /// <summary>Signals "stored in signals.db" as the catch-up sees them.</summary>
    public List<SignalPublished> StoredSignals { get; } = [];

    public ConcurrentDictionary<string, long> EaOwners { get; } = new();

    /// <summary>Users whose account was asked for (summed over the batch requests).</summary>
    public int AccountLookups;

    /// <summary>Completed unless a test holds the audience answer back (to catch a fan-out in the middle).</summary>
    public Task AudienceGate { get; set; } = Task.CompletedTask;

    /// <summary>Called as each MissionsCreated is handled (before it is recorded).</summary>
    internal Action<MissionsCreated>? OnBatch { get; set; }

    public int AudienceRequests;

    /// <summary>GetUserAccounts requests received.</summary>
    public int AccountRequests;
}
