namespace Bitten.Modules.Execution.Bitmode;

/// <summary>The kind of a BITMODE command in flight. Stored: never renumbered.</summary>
internal enum ExitCommandKind
{
    None = 0,
    PartialClose = 1,
    Modify = 2,
}
