using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitten.Zmq;

namespace Bitten.Bench.Load;

/// <summary>
/// One load run or soak: seed through the real HTTP API, restart the host with the seeded EAs as its feed, connect
/// EAs and SSE clients, then for the measured minutes stream ticks, force signals, fire and read; finally join the
/// timestamps and write the result.
/// </summary>
internal sealed partial class LoadRun(LoadOptions options)
{
    private readonly Recorder _recorder = new();
    private readonly List<SeededUser> _users = [];
    private readonly List<EaClient> _eas = [];
    private readonly List<ProcSample> _samples = [];
    private readonly List<(long At, double GcHeapBytes)> _heap = [];
    private readonly ConcurrentDictionary<string, string> _missionSignal = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _measuredSignals = new(StringComparer.Ordinal);
    private readonly string _botToken = "4242424242:LOAD" + Convert.ToHexString(Guid.NewGuid().ToByteArray());
    private SeededUser Admin => _users[0];

    public async Task<int> RunAsync()
    {
        var work = Directory.CreateTempSubdirectory("bitten-load-").FullName;
        Console.WriteLine($"work folder {work}; users {options.Users}, EAs {options.Eas}, SSE {options.SseClients}, symbols {options.Symbols} at {options.TickRate}/s, " +
            $"a signal every {options.SignalEverySeconds} s, fire fraction {options.FireFraction}, {options.Minutes} min{(options.Soak ? " (soak)" : "")}");
        await using var bot = new FakeBotApi();
        await bot.StartAsync();
        using var api = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        { Timeout = TimeSpan.FromSeconds(60) };
        using var streams = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, ConnectTimeout = TimeSpan.FromSeconds(60) })
        { Timeout = Timeout.InfiniteTimeSpan };
        var ports = HostProcess.FreePorts();
        api.BaseAddress = streams.BaseAddress = new Uri($"http://127.0.0.1:{ports.Http}");
        var client = new Api(api, _recorder, _botToken);
        _api = client;
        var started = Stopwatch.StartNew();

        // Phase 1: seed through the API the HUD and operators use, then stop (the feed EAs' ids are configuration).
        double seedSeconds;
        await using (var seeding = HostProcess.Start(ports, work, Settings(bot.BaseUrl, feeds: [], weekendEas: [])))
        {
            await seeding.WaitReadyAsync(api, TimeSpan.FromMinutes(2));
            var seedClock = Stopwatch.StartNew();
            await SeedAsync(client, ports);
            seedSeconds = seedClock.Elapsed.TotalSeconds;
            Console.WriteLine($"seeded {_users.Count} users and {options.Eas} EAs in {seedSeconds:0.0} s");
        }

        // Phase 2: the run.
        var feeds = Enumerable.Range(0, options.Symbols).Select(i => _users[i].Ea!).ToList();
        var eaCredentials = _users.Where(u => u.Ea is not null).Select(u => u.Ea!.EaId).ToList();
        await using var host = HostProcess.Start(ports, work, Settings(bot.BaseUrl, feeds.Select(f => f.EaId), eaCredentials), options.HostEnvironment);
        await host.WaitReadyAsync(api, TimeSpan.FromMinutes(2));
        using var stop = new CancellationTokenSource();
        var ct = stop.Token;
        await using var sub = new ZmqSocket(ZmqSocketType.Sub, new ZmqSocketOptions { Name = "load-signals", ReceiveHighWaterMark = 100_000 });
        sub.Subscribe("signal.");
        sub.Connect($"tcp://127.0.0.1:{ports.Signal}");
        var signalReader = ReadSignalsAsync(sub, ct);

        foreach (var user in _users.Where(u => u.Ea is not null))
        {
            await user.Ea!.StartAsync(ct);
            _eas.Add(user.Ea);
        }

        var acked = await Task.WhenAll(_eas.Select(e => e.Acked.WaitAsync(TimeSpan.FromSeconds(60)).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default)));
        _recorder.Count("ea_hello_acked", acked.Count(a => a));
        if (acked.Any(a => !a))
        {
            _recorder.Error("ea no hello_ack in 60 s", $"{acked.Count(a => !a)} of {acked.Length}");
        }

        Console.WriteLine($"{acked.Count(a => a)} of {_eas.Count} EAs said hello ({started.Elapsed.TotalSeconds:0} s)");
        var ticks = TicksAsync(feeds, ct);
        var sse = _users.Take(options.SseClients).Select(u => new SseClient(u, streams, _recorder, OnMissionAsync)).ToList();
        var connectClock = Stopwatch.StartNew();
        using (var gate = new SemaphoreSlim(128))
        {
            var running = new List<Task>(sse.Count);
            foreach (var s in sse)
            {
                await gate.WaitAsync(TimeSpan.FromSeconds(30), ct); // a stream that never opens must not stall the rest
                running.Add(s.RunAsync(ct));
                _ = s.Connected.ContinueWith(_ => gate.Release(), TaskScheduler.Default);
            }

            try
            {
                await Task.WhenAll(sse.Select(s => s.Connected)).WaitAsync(TimeSpan.FromMinutes(5), ct);
            }
            catch (TimeoutException)
            {
                _recorder.Error("sse not connected in 5 min", $"{sse.Count(s => !s.Connected.IsCompleted)} of {sse.Count}");
            }

            _recorder.Count("sse_connected", sse.Count(s => s.Connected.IsCompleted));
            Console.WriteLine($"{sse.Count(s => s.Connected.IsCompleted)} SSE streams open in {connectClock.Elapsed.TotalSeconds:0.0} s");
        }

        // Warm-up (JIT, SQLite pages, connection pools): one signal, not measured.
        var sampler = SampleAsync(host, api, ct);
        await client.ForceSignalAsync(Admin, Market.Active[0].Name, "BUY");
        await Task.Delay(TimeSpan.FromSeconds(options.Soak ? 10 : 15), ct);
        var loadBefore = LoadAverage();
        var procBefore = host.Sample();
        _diagnosticsStart = await DiagnosticsAsync(client);
        _recorder.Measuring = true;
        var measured = Stopwatch.StartNew();
        Console.WriteLine($"measuring for {options.Minutes} min (load average {loadBefore})");
        using var measureStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        measureStop.CancelAfter(TimeSpan.FromMinutes(options.Minutes));
        await Task.WhenAll(ForceSignalsAsync(client, measureStop.Token), ReadsAsync(client, measureStop.Token), ProgressAsync(measureStop.Token));
        _recorder.Measuring = false;
        var measuredSeconds = measured.Elapsed.TotalSeconds;
        var procAfter = host.Sample();
        _diagnosticsEnd = await DiagnosticsAsync(client);
        var loadAfter = LoadAverage();
        Console.WriteLine("draining for 20 s (deliveries of the last signals, confirmations)");
        await Task.Delay(TimeSpan.FromSeconds(20), CancellationToken.None);
        var metrics = await api.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var health = await api.GetAsync(new Uri("/healthz", UriKind.Relative));
        var healthBody = await health.Content.ReadAsStringAsync();
        await stop.CancelAsync();
        await Task.WhenAll(ticks, sampler, signalReader).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var ea in _eas)
        {
            await ea.DisposeAsync();
        }

        await host.StopAsync();
        var result = Report(new RunFacts(seedSeconds, measuredSeconds, procBefore, procAfter, loadBefore, loadAfter, metrics, (int)health.StatusCode, healthBody,
            bot, Path.Combine(work, "logs"), sse.Count(s => s.Connected.IsCompleted)));
        var output = options.Output ?? Path.Combine(FindRoot(), "bench", "results", options.Soak ? "soak.json" : "load.json");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, result.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        Console.WriteLine(result["summary"]!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Console.WriteLine($"written {output}");
        if (!options.Keep)
        {
            Directory.Delete(work, recursive: true);
        }

        return 0;
    }

    private IEnumerable<string> Settings(string botApi, IEnumerable<string> feeds, IEnumerable<string> weekendEas)
    {
        foreach (var extra in options.HostSettings)
        {
            yield return "--" + extra;
        }

        yield return "--Simulator:Enabled=false";
        yield return $"--Telegram:BotToken={_botToken}";
        yield return $"--Telegram:ApiBaseUrl={botApi}";
        yield return "--Telegram:Polling=false";
        yield return $"--Auth:AdminTelegramIds:0={TelegramId(0)}";
        // Every virtual user comes from 127.0.0.1: the per-IP limits (at their configurable maximum here) would otherwise
        // refuse the whole population; seeding still waits out the sign-in limit's 429s (counted, not errors).
        yield return "--Auth:RateLimitPerMinute=10000";
        yield return "--Auth:FireRateLimitPerIpPerMinute=100000";
        yield return "--Auth:AccessTokenLifetime=06:00:00";
        yield return "--Modules:Signals:TestSignals=true";
        var i = 0;
        foreach (var feed in feeds)
        {
            yield return $"--Modules:Signals:FeedSources:{i++}={feed}";
        }

        // Paper EAs: the weekend guard would refuse every fire on a Saturday run.
        i = 0;
        foreach (var ea in weekendEas)
        {
            yield return $"--Modules:Execution:WeekendOpenEas:{i++}={ea}";
        }
    }

    private static long TelegramId(int index) => 710_000_000L + index;

    private async Task ReadSignalsAsync(ZmqSocket sub, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                using var message = await sub.ReceiveAsync(ct);
                var at = Stopwatch.GetTimestamp();
                var nowMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                using var doc = JsonDocument.Parse(message.GetString(message.FrameCount - 1));
                var id = doc.RootElement.GetProperty("signal_id").GetString()!;
                var created = doc.RootElement.GetProperty("created_ts_ms").GetInt64();
                _recorder.Signals[id] = (at, created, nowMs);
                if (_recorder.Measuring)
                {
                    _measuredSignals[id] = true;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                _recorder.Error("signal message unreadable", ex.Message);
            }
        }
    }

    private async Task TicksAsync(List<EaClient> feeds, CancellationToken ct)
    {
        var markets = Market.All.Take(feeds.Count).ToArray();
        var clock = Stopwatch.StartNew();
        long sent = 0;
        while (!ct.IsCancellationRequested)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * options.TickRate);
            for (; sent < due; sent++)
            {
                for (var s = 0; s < markets.Length; s++)
                {
                    var (bid, ask) = markets[s].Next();
                    feeds[s].SendTick(markets[s].Name, bid, ask, markets[s].Digits);
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, 1000 / options.TickRate / 2)), ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _recorder.Count("ticks_sent", sent * markets.Length);
    }

    private async Task ForceSignalsAsync(Api client, CancellationToken ct)
    {
        var active = Market.Active.Take(Math.Min(options.Symbols, Market.Active.Count)).ToArray();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.SignalEverySeconds));
        var n = 0;
        do
        {
            var market = active[n % active.Length];
            try
            {
                await client.ForceSignalAsync(Admin, market.Name, (n / active.Length) % 2 == 0 ? "BUY" : "SELL");
                _recorder.Count("signals_forced");
            }
            catch (HttpRequestException)
            {
                // counted by the client
            }

            n++;
        }
        while (await timer.WaitForNextTickAsync(ct).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));
    }

    private async Task ReadsAsync(Api client, CancellationToken ct)
    {
        if (options.ReadsPerSecond <= 0)
        {
            return;
        }

        var random = new Random(7);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / options.ReadsPerSecond));
        var inflight = new List<Task>();
        var n = 0;
        while (await timer.WaitForNextTickAsync(ct).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default))
        {
            var user = _users[random.Next(_users.Count)];
            var read = (n++ % 3) switch
            {
                0 => client.GetAsync("GET /api/missions", "/api/missions?page_size=20", user),
                1 => client.GetAsync("GET /api/me", "/api/me", user),
                _ => client.GetAsync("GET /api/fires", "/api/fires?limit=20", _users[random.Next(options.Eas)]),
            };
            inflight.Add(read.ContinueWith(_ => { }, TaskScheduler.Default));
            inflight.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(inflight);
    }

    /// <summary>The virtual user: a fireable mission of a user with an EA is fired for a fixed share of the signals.</summary>
    private Task OnMissionAsync(SeededUser user, string signalId, string missionId, bool fireable)
    {
        if (!fireable || user.Ea is null || Share(signalId, user.Index) >= options.FireFraction)
        {
            return Task.CompletedTask;
        }

        _missionSignal[missionId] = signalId;
        var api = _api!;
        _ = Task.Run(async () =>
        {
            // A person reads the alert and opens the mission before firing: 0-2 s, then the HUD's two calls.
            await Task.Delay(Random.Shared.Next(0, 2000));
            try
            {
                await api.GetAsync("GET /api/missions/{id}", $"/api/missions/{missionId}", user);
            }
            catch (HttpRequestException)
            {
                // counted
            }

            if (await api.FireAsync(user, missionId) is not null)
            {
                _recorder.Count("fires_accepted");
            }
        });
        return Task.CompletedTask;
    }

    private Api? _api;
    private JsonNode? _diagnosticsStart;
    private JsonNode? _diagnosticsEnd;

    /// <summary>The host's admin memory diagnostics (GC heap, fds by kind, cache sizes); null when unavailable.</summary>
    private async Task<JsonNode?> DiagnosticsAsync(Api client)
    {
        try
        {
            return await client.SendAsync("GET /api/admin/diagnostics/memory", HttpMethod.Get, "/api/admin/diagnostics/memory", Admin.Token, null, System.Net.HttpStatusCode.OK);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException)
        {
            return null; // recorded as an error by the client
        }
    }

    /// <summary>A stable number in [0, 1) per (signal, user): FNV-1a, so the same share of users fires each signal.</summary>
    private static double Share(string signalId, int user)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.ASCII.GetBytes(signalId + ":" + user.ToString(CultureInfo.InvariantCulture)))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash / (double)uint.MaxValue;
    }

    private async Task ProgressAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Soak ? 60 : 20));
        var clock = Stopwatch.StartNew();
        while (await timer.WaitForNextTickAsync(ct).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default))
        {
            var last = _samples.Count > 0 ? _samples[^1] : null;
            Console.WriteLine($"  {clock.Elapsed.TotalMinutes:0.0} min: signals {_measuredSignals.Count}, missions on streams {_recorder.Counters.GetValueOrDefault("sse_missions")}, " +
                $"fires accepted {_recorder.Counters.GetValueOrDefault("fires_accepted")}, at EAs {_recorder.FireAtEa.Count}, errors {_recorder.Errors.Values.Sum()}, " +
                $"RSS {(last?.RssBytes ?? 0) / 1048576.0:0} MB, load {LoadAverage()}");
        }
    }

    private async Task SampleAsync(HostProcess host, HttpClient api, CancellationToken ct)
    {
        var every = TimeSpan.FromSeconds(options.Soak ? 5 : 2);
        using var timer = new PeriodicTimer(every);
        var n = 0;
        while (await timer.WaitForNextTickAsync(ct).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default))
        {
            if (host.Sample() is { } sample)
            {
                lock (_samples)
                {
                    _samples.Add(sample);
                }
            }

            if (options.Soak || n++ % 5 == 0)
            {
                try
                {
                    var text = await api.GetStringAsync(new Uri("/metrics", UriKind.Relative), ct);
                    lock (_heap)
                    {
                        _heap.Add((Stopwatch.GetTimestamp(), HostMetrics.Value(text, "bitten_process_gc_heap_bytes")));
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    if (!ct.IsCancellationRequested)
                    {
                        _recorder.Error("metrics unreachable", ex.Message);
                    }
                }
            }
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bitten.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
