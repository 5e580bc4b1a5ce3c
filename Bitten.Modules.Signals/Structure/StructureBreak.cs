namespace Bitten.Modules.Signals.Structure;

/// <summary>The close at <see cref="Index"/> went beyond the swing at <see cref="SwingIndex"/> (level <see cref="Level"/>).</summary>
internal readonly record struct StructureBreak(StructureBreakKind Kind, Bias Direction, long SwingIndex, double Level, long Index);
