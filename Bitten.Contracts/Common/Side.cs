namespace Bitten.Contracts.Common;

/// <summary>Direction of a trade. Stored and sent: values are never renumbered.</summary>
public enum Side
{
    Unknown = 0,
    Buy = 1,
    Sell = 2,
}
