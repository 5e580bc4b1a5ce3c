namespace Bitten.Modules.Missions.Creation;

/// <summary>What one signal's fan-out did: audience size, missions created (and how many can be fired), users who already had one.</summary>
internal sealed record FanOutResult(int Audience, int Created, int Fireable, int AlreadyExisting)
{
    public static readonly FanOutResult Empty = new(0, 0, 0, 0);
}
