using System.ComponentModel.DataAnnotations;

namespace Bitten.Contracts.Hosting;

/// <summary>Where every module keeps its SQLite file and where backups go (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Folder holding one database file per module; the unit an operator backs up.</summary>
    [Required(ErrorMessage = "Storage:DataDirectory is required (a folder path, default ./data).")]
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Folder receiving dated backup folders (yyyyMMdd).</summary>
    [Required(ErrorMessage = "Storage:BackupDirectory is required (a folder path, default ./backups).")]
    public string BackupDirectory { get; set; } = "./backups";

    /// <summary>How many daily backup folders to keep.</summary>
    [Range(1, 3650, ErrorMessage = "Storage:BackupRetentionDays must be between 1 and 3650 (days of backups kept).")]
    public int BackupRetentionDays { get; set; } = 7;

    /// <summary>Quartz cron expression (UTC) of the nightly backup.</summary>
    [Required(ErrorMessage = "Storage:BackupCron is required (a Quartz cron expression).")]
    public string BackupCron { get; set; } = "0 30 2 * * ?";

    /// <summary>SQLite busy timeout: how long a writer waits for the file lock before failing.</summary>
    [Range(100, 60_000, ErrorMessage = "Storage:BusyTimeoutMs must be between 100 and 60000 milliseconds.")]
    public int BusyTimeoutMs { get; set; } = 5_000;
}
