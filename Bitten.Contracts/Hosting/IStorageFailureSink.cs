namespace Bitten.Contracts.Hosting;

/// <summary>
/// Where a module's database layer reports a failed write caused by the storage itself (SQLite <c>SQLITE_FULL</c>: the disk
/// or quota is full; <c>SQLITE_IOERR</c>: the device failed). The host logs it, counts it
/// (<c>bitten_storage_write_failures_total{module,reason}</c>) and shows it in <c>/healthz</c>.
/// </summary>
public interface IStorageFailureSink
{
    /// <param name="module">The module whose database failed (Signals, Missions, ...).</param>
    /// <param name="reason"><c>full</c> or <c>io</c>.</param>
    /// <param name="detail">The database error message.</param>
    void WriteFailed(string module, string reason, string detail);
}
