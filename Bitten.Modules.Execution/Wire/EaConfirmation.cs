namespace Bitten.Modules.Execution.Wire;

/// <summary>
/// The fields of a <c>confirmation</c> (PROTOCOL; the original EA's <c>ticket</c> stands for <c>position</c>).
/// <paramref name="Status"/> is lower-cased, empty when absent.
/// </summary>
internal sealed record EaConfirmation(string Status, long? Position, decimal? Price, decimal? Volume, long? Retcode, string? Message)
{
    public bool IsFill => Status is "filled" or "success" or "duplicate";

    public bool IsFailure => Status is "rejected" or "failed" or "error";
}
