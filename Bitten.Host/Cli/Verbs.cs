namespace Bitten.Host.Cli;

/// <summary>The host's command-line verbs.</summary>
internal enum Verb
{
    Unknown = 0,
    Run = 1,
    Migrate = 2,
    Backup = 3,
    Help = 4,
    Backtest = 5,
    Train = 6,
    RollbackModel = 7,
    Restore = 8,
}

/// <summary>Parses the verb (first argument that is not an option) and leaves the rest as configuration.</summary>
internal static class Verbs
{
    public const string Usage = """
        BITTEN — self-hosted forex signal and execution platform

        Usage: dotnet run --project Bitten.Host -- [command] [--Key=Value ...]

        Commands:
          run        start the server (default)
          migrate    apply every module's database migrations and exit
          backup     back up every module database now into Storage:BackupDirectory/<yyyyMMdd>/ and exit
          restore BACKUP-DIR
                     replace every module database with the copies in BACKUP-DIR (e.g. backups/20260301) after
                     checking each (integrity, known schema version); refused while a host runs on the data
                     directory; the files it replaces are moved to <data>/replaced-<utc>/, never deleted.
                     Exit codes: 0 restored, 64 usage, 65 backup unusable (nothing changed), 74 I/O error
                     part-way, 75 a host is running (nothing changed)
          backtest   replay history through the signal engine and write a report (backtest --help)
          train [FILE]
                     train the ML win-probability model now, from the stored resolved signals of the
                     last Modules:Signals:ModelTrainingDays days or from a backtest's training-rows FILE
                     (JSON lines, docs/ml.md); it becomes current only if no worse than the current one
          rollback-model [VERSION]
                     make VERSION (default: the model current before the present one) the current model
          --help     show this help

        Any --Section:Key=Value overrides appsettings.json (e.g. --Storage:DataDirectory=/var/lib/bitten).

        """;

    public static (Verb Verb, string[] Arguments) Parse(string[] args)
    {
        if (args.Length == 0)
        {
            return (Verb.Run, args);
        }

        var first = args[0];
        if (first.Equals("backtest", StringComparison.OrdinalIgnoreCase))
        {
            return (Verb.Backtest, args[1..]); // its own options, and its own --help
        }

        if (args.Any(a => a is "--help" or "-h" or "-?" or "help"))
        {
            return (Verb.Help, []);
        }

        if (first.StartsWith('-'))
        {
            return (Verb.Run, args);
        }

        var verb = first.ToLowerInvariant() switch
        {
            "run" => Verb.Run,
            "migrate" => Verb.Migrate,
            "backup" => Verb.Backup,
            "train" => Verb.Train,
            "rollback-model" => Verb.RollbackModel,
            "restore" => Verb.Restore,
            _ => Verb.Unknown,
        };
        return (verb, args[1..]);
    }
}
