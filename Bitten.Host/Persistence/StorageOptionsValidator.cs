using Bitten.Contracts.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace Bitten.Host.Persistence;

/// <summary>Rules the data annotations cannot say: a valid cron and usable paths.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.BackupCron) && !CronExpression.IsValidExpression(options.BackupCron))
        {
            failures.Add($"Storage:BackupCron '{options.BackupCron}' is not a valid Quartz cron expression (e.g. '0 30 2 * * ?').");
        }

        foreach (var (key, value) in new[] { ("Storage:DataDirectory", options.DataDirectory), ("Storage:BackupDirectory", options.BackupDirectory) })
        {
            if (!string.IsNullOrWhiteSpace(value) && value.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            {
                failures.Add($"{key} '{value}' contains characters that are not allowed in a path.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
