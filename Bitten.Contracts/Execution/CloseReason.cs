namespace Bitten.Contracts.Execution;

/// <summary>Why a position closed (PROTOCOL close_report <c>reason</c>). Never renumbered.</summary>
public enum CloseReason
{
    Unknown = 0,
    TakeProfit = 1,
    StopLoss = 2,
    Manual = 3,
    Server = 4,
    StopOut = 5,
    Expired = 6,
}
