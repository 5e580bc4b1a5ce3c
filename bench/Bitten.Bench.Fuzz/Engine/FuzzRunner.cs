using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Bitten.Bench.Fuzz.Engine;

/// <summary>
/// Runs one target's inputs on a worker thread while the calling thread watches the clock: an input that runs past
/// <see cref="FuzzSettings.HangAfter"/> is a hang (saved at once, while it still runs); one past
/// <see cref="FuzzSettings.AbandonAfter"/> abandons the target. Any exception out of <see cref="IFuzzTarget.Run"/> is a crash,
/// grouped by exception type and throwing method; the first input of each group is shrunk and saved.
/// </summary>
internal sealed class FuzzRunner(FuzzSettings settings, TextWriter log)
{
    public TargetReport Run(IFuzzTarget target)
    {
        var report = new TargetReport { Target = target.Name, Samples = target.Samples.Count };
        var state = new WorkerState(target, settings, report);
        var worker = new Thread(state.Loop) { IsBackground = true, Name = "fuzz " + target.Name };
        var clock = Stopwatch.StartNew();
        worker.Start();
        while (!worker.Join(50))
        {
            var started = Volatile.Read(ref state.CurrentStart);
            if (started == 0)
            {
                continue;
            }

            var running = Stopwatch.GetElapsedTime(started);
            if (running > settings.HangAfter)
            {
                state.ReportHang(running, log);
            }

            if (running > settings.AbandonAfter)
            {
                lock (report)
                {
                    report.Abandoned = true;
                }

                log.WriteLine($"  {target.Name}: input {Volatile.Read(ref state.CurrentIndex)} still running after {running.TotalSeconds:0} s; target abandoned");
                break;
            }
        }

        lock (report)
        {
            report.ElapsedS = clock.Elapsed.TotalSeconds;
            report.InputsPerS = report.Inputs / Math.Max(report.ElapsedS, 1e-9);
            if (!report.Abandoned)
            {
                state.Shrink(log);
            }

            return report;
        }
    }

    private sealed class WorkerState(IFuzzTarget target, FuzzSettings settings, TargetReport report)
    {
        private const int MaxSignatures = 32;
        private const int MaxReasons = 100;
        private const string OtherReasons = "(other reasons)";
        private readonly Dictionary<string, (byte[] Input, ulong Variant, long Index, long Count, string Message)> _crashes = new(StringComparer.Ordinal);
        private byte[] _current = [];
        private ulong _currentVariant;
        private long _hangIndex = -1;

        public long CurrentStart;
        public long CurrentIndex;

        public void Loop()
        {
            var mutator = new Mutator(target.Samples, target.Tokens, settings.MaxInputLength);
            var targetSeed = FuzzRandom.Mix(settings.Seed, NameHash(target.Name));
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            for (long i = 0; i < settings.Inputs; i++)
            {
                var random = new FuzzRandom(FuzzRandom.Mix(targetSeed, (ulong)i));
                var (input, variant) = mutator.Next(ref random);
                Volatile.Write(ref _current, input);
                _currentVariant = variant;
                Volatile.Write(ref CurrentIndex, i);
                var start = Stopwatch.GetTimestamp();
                Volatile.Write(ref CurrentStart, start);
                string outcome;
                Exception? crash = null;
                try
                {
                    outcome = target.Run(input, variant);
                }
#pragma warning disable CA1031 // any exception out of a parser is the finding
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    outcome = "crash";
                    crash = ex;
                }

                var elapsed = Stopwatch.GetElapsedTime(start);
                Volatile.Write(ref CurrentStart, 0);
                lock (report)
                {
                    report.Inputs++;
                    if (crash is not null)
                    {
                        RecordCrash(crash, input, variant, i);
                    }
                    else if (outcome == Outcome.Accepted)
                    {
                        report.Accepted++;
                    }
                    else
                    {
                        report.Rejected++;
                        var key = counts.Count < MaxReasons || counts.ContainsKey(outcome) ? outcome : OtherReasons;
                        counts[key] = counts.GetValueOrDefault(key) + 1;
                    }

                    if (elapsed.TotalMilliseconds > report.SlowestInputMs)
                    {
                        report.SlowestInputMs = elapsed.TotalMilliseconds;
                        report.SlowestInputIndex = i;
                    }

                    if (elapsed > settings.HangAfter && Interlocked.Read(ref _hangIndex) != i)
                    {
                        SaveHang(input, variant, i, elapsed, Console.Out);
                    }

                    if ((i & 0x3FF) == 0 || i == settings.Inputs - 1)
                    {
                        report.RejectedByReason.Clear();
                        foreach (var (reason, count) in counts)
                        {
                            report.RejectedByReason[reason] = count;
                        }
                    }
                }
            }
        }

        public void ReportHang(TimeSpan running, TextWriter log)
        {
            var index = Volatile.Read(ref CurrentIndex);
            if (Interlocked.Exchange(ref _hangIndex, index) == index)
            {
                return;
            }

            lock (report)
            {
                SaveHang(Volatile.Read(ref _current), _currentVariant, index, running, log);
            }
        }

        private void SaveHang(byte[] input, ulong variant, long index, TimeSpan running, TextWriter log)
        {
            Interlocked.Exchange(ref _hangIndex, index);
            report.Hangs++;
            var file = Save("hang", input, variant);
            report.Findings.Add(new Finding("hang", $"input ran {running.TotalMilliseconds:0} ms", 1, index, variant, Convert.ToBase64String(input), input.Length, file, "watchdog"));
            log.WriteLine($"  {target.Name}: HANG input {index} (variant {variant}) ran {running.TotalMilliseconds:0} ms; base64: {Convert.ToBase64String(input)}");
        }

        private void RecordCrash(Exception ex, byte[] input, ulong variant, long index)
        {
            report.Crashes++;
            var signature = Signature(ex);
            if (_crashes.TryGetValue(signature, out var known))
            {
                _crashes[signature] = known with { Count = known.Count + 1 };
            }
            else if (_crashes.Count < MaxSignatures)
            {
                _crashes[signature] = (input, variant, index, 1, ex.GetType().Name + ": " + ex.Message);
            }
        }

        /// <summary>Shrinks each distinct crash's first input (keeping the signature), saves it and prints it as base64.</summary>
        public void Shrink(TextWriter log)
        {
            foreach (var (signature, crash) in _crashes)
            {
                var input = settings.Minimize ? Minimize(crash.Input, crash.Variant, signature) : crash.Input;
                var file = Save("crash", input, crash.Variant);
                var base64 = Convert.ToBase64String(input);
                report.Findings.Add(new Finding("crash", signature, crash.Count, crash.Index, crash.Variant, base64, input.Length, file, crash.Message));
                log.WriteLine($"  {target.Name}: CRASH x{crash.Count} {signature}: {crash.Message}");
                log.WriteLine($"    first at input {crash.Index}, variant {crash.Variant}, minimized to {input.Length} bytes; base64: {base64}");
            }
        }

        /// <summary>Greedy delta debugging: drop ever smaller chunks while the same signature still throws (bounded).</summary>
        private byte[] Minimize(byte[] input, ulong variant, string signature)
        {
            var best = input;
            var budget = 4000;
            for (var chunk = Math.Max(1, best.Length / 2); chunk >= 1 && budget > 0; chunk /= 2)
            {
                for (var at = 0; at < best.Length && budget > 0; budget--)
                {
                    var candidate = new byte[best.Length - Math.Min(chunk, best.Length - at)];
                    best.AsSpan(0, at).CopyTo(candidate);
                    best.AsSpan(Math.Min(best.Length, at + chunk)).CopyTo(candidate.AsSpan(at));
                    if (Throws(candidate, variant) == signature)
                    {
                        best = candidate;
                    }
                    else
                    {
                        at += chunk;
                    }
                }
            }

            return best;
        }

        private string? Throws(byte[] input, ulong variant)
        {
            try
            {
                target.Run(input, variant);
                return null;
            }
#pragma warning disable CA1031 // the same exception as the crash is what we look for
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return Signature(ex);
            }
        }

        private string? Save(string kind, byte[] input, ulong variant)
        {
            if (settings.FindingsDirectory is not { } directory)
            {
                return null;
            }

            Directory.CreateDirectory(directory);
            var hash = Convert.ToHexStringLower(SHA256.HashData(input))[..12];
            var path = Path.Combine(directory, $"{target.Name}-{kind}-{hash}-v{variant}.bin");
            File.WriteAllBytes(path, input);
            return Path.GetFileName(path);
        }
    }

    /// <summary>Exception type and the first BITTEN frame it passed through (else the first frame).</summary>
    internal static string Signature(Exception ex)
    {
        var trace = new StackTrace(ex, fNeedFileInfo: false);
        var frames = trace.GetFrames();
        var method = frames.Select(f => f.GetMethod()).FirstOrDefault(m => m?.DeclaringType?.Namespace?.StartsWith("Bitten.Modules", StringComparison.Ordinal) == true
            || m?.DeclaringType?.Namespace?.StartsWith("Bitten.Zmq", StringComparison.Ordinal) == true) ?? frames.FirstOrDefault()?.GetMethod();
        var where = method is null ? "?" : $"{method.DeclaringType?.Name}.{method.Name}";
        return $"{ex.GetType().Name} at {where}";
    }

    private static ulong NameHash(string name)
    {
        ulong hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}
