using System.Data.Common;
using Bitten.Contracts.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bitten.Modules.Common;

/// <summary>
/// Reports saves, commands and commits that failed because the storage is full or failing (SQLite error 13
/// <c>SQLITE_FULL</c>, 10 <c>SQLITE_IOERR</c>) to the host's <see cref="IStorageFailureSink"/>, once per failure (SQLite
/// often reports a full disk while EF reads a statement's result, which only the save-changes hook sees). The exception
/// still reaches the caller: an HTTP request answers 503 (the host's storage exception handler), a loop logs and goes on.
/// </summary>
internal sealed class StorageFailureInterceptor(string module, IStorageFailureSink sink) : DbCommandInterceptor, IDbTransactionInterceptor, ISaveChangesInterceptor
{
    public const int SqliteFull = 13;
    public const int SqliteIoErr = 10;

    /// <summary>Set in <see cref="Exception.Data"/> of a reported exception, so each failure is counted once.</summary>
    public const string ReportedKey = "bitten.storage_failure_reported";

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Report(eventData.Exception);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Report(eventData.Exception);
        return Task.CompletedTask;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Report(eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Report(eventData.Exception);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Report(eventData.Exception);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Report(eventData.Exception);
        return Task.CompletedTask;
    }

    private void Report(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: SqliteFull or SqliteIoErr } sqlite)
            {
                if (sqlite.Data.Contains(ReportedKey))
                {
                    return;
                }

                sqlite.Data[ReportedKey] = true;
                sink.WriteFailed(module, sqlite.SqliteErrorCode == SqliteFull ? "full" : "io", sqlite.Message);
                return;
            }
        }
    }
}
