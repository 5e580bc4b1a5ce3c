namespace Bitten.Modules.Execution.Fires;

/// <summary>
/// One partial close of a fire's position, as the EA reported it (table <c>partial_closes</c>). The key (fire, position,
/// the EA's ts_ms) makes a repeated report (EAs replay recent close reports after each hello) count once.
/// </summary>
internal sealed class PartialCloseRecord
{
    public string FireId { get; set; } = string.Empty;

    public long Position { get; set; }

    public long TsMs { get; set; }

    public decimal Volume { get; set; }

    public decimal ClosePrice { get; set; }

    public decimal Profit { get; set; }

    public long RecordedAtMs { get; set; }
}
