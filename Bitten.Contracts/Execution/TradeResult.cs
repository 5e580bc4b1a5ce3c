namespace Bitten.Contracts.Execution;

/// <summary>A closed trade's result by R multiple (DOMAIN §10: WIN &gt; 0.05 R, LOSS &lt; −0.05 R). Never renumbered.</summary>
public enum TradeResult
{
    Unknown = 0,
    Win = 1,
    Loss = 2,
    Breakeven = 3,
}
