using Bitten.Contracts.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Bitten.Host.Persistence;

/// <summary>
/// A request whose write failed because the storage is full or failing answers <c>503</c> with a ProblemDetails naming the
/// storage (and <c>Retry-After</c>) instead of a bare 500; the host stays up and keeps serving reads. The failure itself
/// was already counted and logged by <see cref="StorageMonitor"/> (through each module's database interceptor).
/// </summary>
internal sealed class StorageExceptionHandler(IProblemDetailsService problems, IStorageFailureSink failures) : IExceptionHandler
{
    public const string ProblemType = "https://bitten.local/problems/storage-unavailable";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        SqliteException? storage = null;
        for (var e = exception; e is not null && storage is null; e = e.InnerException)
        {
            storage = e is SqliteException { SqliteErrorCode: 13 or 10 } s ? s : null;
        }

        if (storage is null)
        {
            return false;
        }

        var full = storage.SqliteErrorCode == 13;
        if (!storage.Data.Contains("bitten.storage_failure_reported"))
        {
            storage.Data["bitten.storage_failure_reported"] = true;
            failures.WriteFailed("Host", full ? "full" : "io", storage.Message); // a write outside the modules' EF contexts
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "60";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Type = ProblemType,
                Title = full ? "Storage full" : "Storage failing",
                Detail = full
                    ? "BITTEN could not save this change: the data directory's disk or quota is full. Nothing was changed; reading still works. Try again once the operator has freed space."
                    : "BITTEN could not save this change: the data directory's device reported an I/O error. Nothing was changed; reading still works.",
                Extensions = { ["storage"] = full ? "full" : "io" },
            },
        });
    }
}
