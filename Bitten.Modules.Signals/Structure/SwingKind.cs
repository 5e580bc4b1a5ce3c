namespace Bitten.Modules.Signals.Structure;

/// <summary>Swing high or low. Values match the reference's HighLow column.</summary>
internal enum SwingKind
{
    None = 0,
    High = 1,
    Low = -1,
}
