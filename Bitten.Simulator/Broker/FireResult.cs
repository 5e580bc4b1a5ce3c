namespace Bitten.Simulator.Broker;

/// <summary>Outcome of a fire (PROTOCOL <c>confirmation</c> status). Sent: explicit values.</summary>
internal enum FireStatus
{
    Unknown = 0,
    Filled = 1,
    Rejected = 2,
    Duplicate = 3,
}

/// <summary>What the paper broker answers to a fire; a repeat of the same fire id gets this back as a duplicate.</summary>
internal sealed record FireResult(string FireId, FireStatus Status, int Retcode, long Order, long Deal, long Position, decimal Price, decimal Volume, decimal Sl, decimal Tp, string Message)
{
    public static FireResult Reject(string fireId, int retcode, string message, decimal sl = 0, decimal tp = 0) =>
        new(fireId, FireStatus.Rejected, retcode, 0, 0, 0, 0, 0, sl, tp, message);
}
