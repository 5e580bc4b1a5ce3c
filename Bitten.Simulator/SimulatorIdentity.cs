namespace Bitten.Simulator;

/// <summary>
/// Who the embedded paper EA is: its <c>ea_id</c> and secret <c>ea_token</c> (generated at start when
/// not configured). The host reads this singleton to link the simulator to the demo user and to list it
/// as a feed source. Never log <see cref="EaToken"/>.
/// </summary>
public sealed class SimulatorIdentity(bool enabled, string eaId, string eaToken, bool openAtWeekends = false, bool embeddedDemo = false)
{
    /// <summary>True when the simulator runs in this process.</summary>
    public bool Enabled { get; } = enabled;

    /// <summary>The EA id it sends in every message (and its DEALER routing id).</summary>
    public string EaId { get; } = eaId;

    /// <summary>The EA secret it proves itself with; empty when disabled.</summary>
    public string EaToken { get; } = eaToken;

    /// <summary>True when its synthetic market stays open at weekends (<c>Simulator:OpenAtWeekends</c>, on for the embedded demo).</summary>
    public bool OpenAtWeekends { get; } = enabled && openAtWeekends;

    /// <summary>True when the simulator is on by default (no configuration): the embedded demo.</summary>
    public bool EmbeddedDemo { get; } = enabled && embeddedDemo;

    /// <inheritdoc />
    public override string ToString() => $"SimulatorIdentity {{ Enabled = {Enabled}, EaId = {EaId}, OpenAtWeekends = {OpenAtWeekends} }}";
}
