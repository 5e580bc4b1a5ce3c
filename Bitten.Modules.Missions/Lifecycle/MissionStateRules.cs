using Bitten.Contracts.Common;

namespace Bitten.Modules.Missions.Lifecycle;

/// <summary>
/// The mission state machine (DOMAIN §9): PENDING → FIRING → SENT → FILLED → CLOSED, PENDING →
/// EXPIRED/SKIPPED, FIRING/SENT → REJECTED/FAILED/UNCONFIRMED. Also FIRING → PENDING (Execution refused the
/// fire), FIRING → FILLED and FIRING/SENT/UNCONFIRMED → CLOSED (a report overtook an earlier one), and
/// UNCONFIRMED → FILLED/FAILED/REJECTED (reconciled later from heartbeats).
/// </summary>
internal static class MissionStateRules
{
    private static readonly Dictionary<MissionStatus, MissionStatus[]> Allowed = new()
    {
        [MissionStatus.Pending] = [MissionStatus.Firing, MissionStatus.Expired, MissionStatus.Skipped],
        [MissionStatus.Firing] = [MissionStatus.Pending, MissionStatus.Sent, MissionStatus.Filled, MissionStatus.Rejected, MissionStatus.Failed, MissionStatus.Unconfirmed, MissionStatus.Closed],
        [MissionStatus.Sent] = [MissionStatus.Filled, MissionStatus.Rejected, MissionStatus.Failed, MissionStatus.Unconfirmed, MissionStatus.Closed],
        [MissionStatus.Unconfirmed] = [MissionStatus.Filled, MissionStatus.Rejected, MissionStatus.Failed, MissionStatus.Closed],
        [MissionStatus.Filled] = [MissionStatus.Closed],
    };

    public static bool CanMove(MissionStatus from, MissionStatus to) => Allowed.TryGetValue(from, out var next) && next.Contains(to);

    /// <summary>States from which a fire has already started (the user sees "already fired").</summary>
    public static bool IsFiredOrLater(MissionStatus status) => status is MissionStatus.Firing or MissionStatus.Sent or MissionStatus.Filled
        or MissionStatus.Closed or MissionStatus.Rejected or MissionStatus.Failed or MissionStatus.Unconfirmed;
}
