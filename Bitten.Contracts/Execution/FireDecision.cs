using Bitten.Contracts.Common;

namespace Bitten.Contracts.Execution;

/// <summary>The answer to a fire: accepted with its fire id, or refused with the reason the user sees (and until when, for guards).</summary>
public sealed record FireDecision(bool Accepted, FireId? FireId, FireRefusal Refusal, string? Reason, DateTimeOffset? BlockedUntil = null)
{
    public static FireDecision Accept(FireId fireId) => new(true, fireId, FireRefusal.None, null);

    public static FireDecision Refuse(FireRefusal refusal, string reason, DateTimeOffset? until = null) => new(false, null, refusal, reason, until);
}
