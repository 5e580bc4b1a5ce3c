using Bitten.Contracts.Hosting;
using Bitten.Host.Composition;
using Bitten.Host.Persistence;
using Microsoft.Extensions.Options;

namespace Bitten.Host.Cli;

/// <summary>
/// Command-line verbs: <c>run</c> (default), <c>migrate</c>, <c>backup</c>, <c>restore</c>, <c>backtest</c>, <c>train</c>, <c>rollback-model</c>, <c>--help</c>.
/// Configuration and database-file errors end the process with a message and a non-zero code.
/// </summary>
internal static class HostEntryPoint
{
    public const int ExitOk = 0;
    public const int ExitUsage = 64;
    public const int ExitConfiguration = 78;
    public const int ExitDatabase = 74;
    public const int ExitDataDirectoryInUse = 75;

    public static async Task<int> RunAsync(string[] args)
    {
        var (verb, rest) = Verbs.Parse(args);
        if (verb == Verb.Help)
        {
            Console.Out.Write(Verbs.Usage);
            return ExitOk;
        }

        if (verb == Verb.Backtest)
        {
            return Backtest(rest);
        }

        if (verb == Verb.Unknown)
        {
            await Console.Error.WriteAsync($"Unknown command '{args[0]}'.\n\n{Verbs.Usage}");
            return ExitUsage;
        }

        // train, rollback-model and restore take one positional argument (a file, a version, a folder) before the options
        string? operand = null;
        if (verb is Verb.Train or Verb.RollbackModel or Verb.Restore && rest.Length > 0 && !rest[0].StartsWith('-'))
        {
            (operand, rest) = (verb == Verb.RollbackModel ? rest[0] : CallerPaths.Resolve(rest[0]), rest[1..]);
        }

        try
        {
            await using var app = BittenApplication.Build(rest);
            // Validate every option now, before any database file is touched.
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            switch (verb)
            {
                case Verb.Migrate:
                    await app.Services.GetRequiredService<ModuleDatabaseMigrator>().MigrateAllAsync(CancellationToken.None);
                    Console.Out.WriteLine("Migrations applied.");
                    return ExitOk;
                case Verb.Backup:
                    await app.Services.GetRequiredService<ModuleDatabaseMigrator>().MigrateAllAsync(CancellationToken.None);
                    var result = await app.Services.GetRequiredService<DatabaseBackupService>().BackupAllAsync(CancellationToken.None);
                    Console.Out.WriteLine($"Backup written to {result.Folder} ({result.Files.Count} databases).");
                    return ExitOk;
                case Verb.Train:
                case Verb.RollbackModel:
                    return await ModelCommandAsync(app, verb, operand);
                case Verb.Restore:
                    return await app.Services.GetRequiredService<DatabaseRestoreService>().RestoreAsync(operand, Console.Out, Console.Error, CancellationToken.None);
                default:
                    using (var hold = DataDirectoryLock.TryAcquire(app.Services.GetRequiredService<DatabaseRestoreService>().DataDirectory))
                    {
                        if (hold is null)
                        {
                            await Console.Error.WriteLineAsync($"Another BITTEN host is running on this data directory (it holds its {DataDirectoryLock.FileName}); stop it first.");
                            return ExitDataDirectoryInUse;
                        }

                        await app.StartAsync(); // checks and migrates the databases first (DatabaseStartup)
                        AnnounceReady(app);
                        await app.WaitForShutdownAsync();
                    }

                    return ExitOk;
            }
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync("Configuration error:\n  " + string.Join("\n  ", ex.Failures));
            return ExitConfiguration;
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync($"Configuration error:\n  {ex.Message} {ex.InnerException?.Message}");
            return ExitConfiguration;
        }
        catch (DatabaseFileException ex)
        {
            await Console.Error.WriteLineAsync("Database error:\n  " + ex.Message);
            return ExitDatabase;
        }
    }

    /// <summary>The backtest needs no database or server: only the Signals options (appsettings.json, environment) and the files.</summary>
    private static int Backtest(string[] args)
    {
        if (args.Any(a => a is "--help" or "-h" or "-?" or "help"))
        {
            Console.Out.Write(Bitten.Modules.Signals.SignalsModule.BacktestUsage);
            return ExitOk;
        }

        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        try
        {
            return Bitten.Modules.Signals.SignalsModule.RunBacktest(args, configuration, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("\nBacktest cancelled.");
            return 130;
        }
    }

    private static async Task<int> ModelCommandAsync(WebApplication app, Verb verb, string? operand)
    {
        if (!app.Services.GetRequiredService<ModuleSet>().EnabledNames.Contains("Signals"))
        {
            await Console.Error.WriteLineAsync("The Signals module is disabled (Modules:Signals:Enabled=false): no model to train or roll back.");
            return ExitConfiguration;
        }

        if (verb == Verb.Train && operand is not null && !File.Exists(operand))
        {
            await Console.Error.WriteLineAsync($"Training file '{operand}' does not exist.");
            return ExitUsage;
        }

        await app.Services.GetRequiredService<ModuleDatabaseMigrator>().MigrateAllAsync(CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<MediatR.IMediator>();
        var result = verb == Verb.Train
            ? await mediator.Send(new Bitten.Contracts.Signals.TrainWinModel(operand is null ? null : Path.GetFullPath(operand)))
            : await mediator.Send(new Bitten.Contracts.Signals.RollbackWinModel(operand));
        await (result.Ok ? Console.Out : Console.Error).WriteLineAsync(result.Message);
        return result.Ok ? ExitOk : ExitUsage;
    }

    private static void AnnounceReady(WebApplication app)
    {
        var modules = app.Services.GetRequiredService<ModuleSet>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Bitten.Host");
        var urls = app.Urls.Count > 0 ? string.Join(", ", app.Urls) : "(test server)";
        Log.HostReady(logger, Observability.HealthEndpoint.Version, urls, string.Join(", ", modules.EnabledNames), modules.DisabledNames.Count == 0 ? "none" : string.Join(", ", modules.DisabledNames));
    }
}
