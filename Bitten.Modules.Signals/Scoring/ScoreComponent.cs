namespace Bitten.Modules.Signals.Scoring;

/// <summary>One named contribution to a score, with the reason a user reads on the HUD.</summary>
internal sealed record ScoreComponent(string Name, double Points, string Reason);
