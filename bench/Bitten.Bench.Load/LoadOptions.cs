using System.Globalization;

namespace Bitten.Bench.Load;

/// <summary>The driver's command line: scale, duration and rates. Defaults are the full configuration.</summary>
internal sealed class LoadOptions
{
    public const string Usage = """
        Bitten.Bench.Load — system load run and soak (issue #13)

          dotnet run -c Release --project bench/Bitten.Bench.Load [-- options]

          --users N            seeded users, each signed in through POST /api/auth/telegram (default 5000)
          --eas N              simulated EAs, one per user, each its own DEALER+PUSH+PUSH with its own credentials (default 200)
          --sse N              SSE clients on /api/stream, one per user (default = users)
          --symbols N          symbols streamed, 50 ticks/s each by default (default 12)
          --tick-rate N        ticks per second per symbol (default 50)
          --signal-every S     seconds between forced test signals (default 10)
          --fire-fraction F    share of the fireable missions (users with a linked EA) fired over HTTP (default 0.2)
          --reads-per-second N background HUD reads (GET /api/missions, /api/me, /api/fires) (default 20)
          --minutes M          measured duration (default 3; soak 30)
          --soak               a quarter of the load (users, EAs, SSE clients, symbols' tick rate, signals) for --minutes (default 30),
                               sampling RSS, GC heap, fds and threads; writes bench/results/soak.json
          --output FILE        result file (default bench/results/load.json or soak.json)
          --keep               keep the temporary data directory (its path is printed)
          --host KEY=VALUE     an extra host setting, repeatable (e.g. --host Logging:MinimumLevel=Information)
          --host-env KEY=VALUE an environment variable for the host process only, repeatable (e.g. --host-env DOTNET_gcServer=0
                               to compare GC modes; the result records them)
        """;

    public int Users { get; set; } = 5_000;

    public int Eas { get; set; } = 200;

    public int Sse { get; set; } = -1;

    public int Symbols { get; set; } = 12;

    public double TickRate { get; set; } = 50;

    public double SignalEverySeconds { get; set; } = 10;

    public double FireFraction { get; set; } = 0.2;

    public double ReadsPerSecond { get; set; } = 20;

    public double Minutes { get; set; } = -1;

    public bool Soak { get; set; }

    public bool Keep { get; set; }

    public string? Output { get; set; }

    public List<string> HostSettings { get; } = [];

    public List<string> HostEnvironment { get; } = [];

    public int SseClients => Math.Min(Sse < 0 ? Users : Sse, Users);

    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions();
        var explicitScale = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            double Number() => double.Parse(Next(), NumberStyles.Float, CultureInfo.InvariantCulture);
            var a = args[i];
            explicitScale.Add(a);
            switch (a)
            {
                case "--users": o.Users = (int)Number(); break;
                case "--eas": o.Eas = (int)Number(); break;
                case "--sse": o.Sse = (int)Number(); break;
                case "--symbols": o.Symbols = (int)Number(); break;
                case "--tick-rate": o.TickRate = Number(); break;
                case "--signal-every": o.SignalEverySeconds = Number(); break;
                case "--fire-fraction": o.FireFraction = Number(); break;
                case "--reads-per-second": o.ReadsPerSecond = Number(); break;
                case "--minutes": o.Minutes = Number(); break;
                case "--soak": o.Soak = true; break;
                case "--keep": o.Keep = true; break;
                case "--output": o.Output = Next(); break;
                case "--help": break;
                case "--host": o.HostSettings.Add(Next()); break;
                case "--host-env":
                    var env = Next();
                    o.HostEnvironment.Add(env.Contains('=', StringComparison.Ordinal) ? env : throw new ArgumentException($"--host-env needs KEY=VALUE, not {env}"));
                    break;
                default: throw new ArgumentException($"unknown option {a}\n\n{Usage}");
            }
        }

        if (o.Soak)
        {
            // A quarter of the load, unless the scale was given explicitly.
            if (!explicitScale.Contains("--users")) o.Users /= 4;
            if (!explicitScale.Contains("--eas")) o.Eas /= 4;
            if (!explicitScale.Contains("--tick-rate")) o.TickRate /= 4;
            if (!explicitScale.Contains("--signal-every")) o.SignalEverySeconds *= 4;
            if (!explicitScale.Contains("--reads-per-second")) o.ReadsPerSecond /= 4;
        }

        if (o.Minutes < 0)
        {
            o.Minutes = o.Soak ? 30 : 3;
        }

        if (o.Users < 1 || o.Eas < 1 || o.Eas > o.Users || o.Symbols is < 1 or > 12 || o.TickRate <= 0 || o.SignalEverySeconds <= 0 || o.FireFraction is < 0 or > 1)
        {
            throw new ArgumentException($"need 1 <= eas <= users, 1-12 symbols, positive rates, fire fraction 0-1\n\n{Usage}");
        }

        if (o.Eas < o.Symbols)
        {
            o.Symbols = o.Eas; // one feed EA per symbol
        }

        return o;
    }
}
