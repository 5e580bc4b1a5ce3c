namespace Bitten.Modules.Signals.Structure;

/// <summary>
/// BOS: a close beyond the latest swing in the direction of the prevailing structure (or the first break
/// of all, which sets the structure); CHOCH: a close beyond it against the prevailing structure.
/// </summary>
internal enum StructureBreakKind
{
    None = 0,
    BreakOfStructure = 1,
    ChangeOfCharacter = 2,
}
