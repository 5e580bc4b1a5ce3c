using Bitten.Contracts.Common;

namespace Bitten.Modules.Gamification.Tactics;

/// <summary>Today's shots of one user on their local day: filled fires, side of the first, wins closed.</summary>
internal sealed record TacticDay(int Fills, Side? FirstSide, int Wins);
