using Bitten.Bench.Fuzz.Engine;

namespace Bitten.Bench.Fuzz.Tests;

/// <summary>
/// The fuzzer's guarantee kept in CI: the same harness as <c>bench/Bitten.Bench.Fuzz</c>, a fixed seed and 20,000 inputs
/// per edge, no crash and no hang. A failure prints the shrunk input as base64 (replay it with the bench's --seed/--target).
/// </summary>
public sealed class FuzzHarnessTests
{
    private const ulong Seed = 20261206;
    private const int Inputs = 20_000;

    public static TheoryData<string> Targets() => [.. FuzzTargets.Names];

    [Theory]
    [MemberData(nameof(Targets))]
    public void Target_WhenFuzzedWithAFixedSeed_NeitherCrashesNorHangs(string name)
    {
        using var target = FuzzTargets.Create(name);
        using var log = new StringWriter();

        // A loaded CI machine must not turn a slow input into a false hang: 10 s here, 2 s in the bench run.
        var report = new FuzzRunner(new FuzzSettings(Inputs, Seed) { HangAfter = TimeSpan.FromSeconds(10), AbandonAfter = TimeSpan.FromSeconds(30) }, log).Run(target);

        report.Crashes.ShouldBe(0, log.ToString());
        report.Hangs.ShouldBe(0, log.ToString());
        report.Abandoned.ShouldBeFalse();
        report.Inputs.ShouldBe(Inputs);
        target.Samples.ShouldNotBeEmpty();
        report.Accepted.ShouldBeGreaterThan(0, "mutated samples must still reach the parser's accepting path");
        report.Rejected.ShouldBeGreaterThan(0);
        report.RejectedByReason.Values.Sum().ShouldBe(report.Rejected);
    }

    [Fact]
    public void Run_WhenTheSameSeedTwice_GivesTheSameOutcomes()
    {
        TargetReport Once()
        {
            using var target = FuzzTargets.Create("ea-feed");
            return new FuzzRunner(new FuzzSettings(3_000, Seed), TextWriter.Null).Run(target);
        }

        var first = Once();
        var second = Once();

        (second.Accepted, second.Rejected).ShouldBe((first.Accepted, first.Rejected));
        second.RejectedByReason.ShouldBe(first.RejectedByReason);
    }

    [Fact]
    public void Run_WhenTheParserThrows_CountsACrashAndShrinksItsInput()
    {
        using var target = new ThrowingTarget();
        using var log = new StringWriter();

        var report = new FuzzRunner(new FuzzSettings(2_000, Seed), log).Run(target);

        report.Crashes.ShouldBeGreaterThan(0);
        var finding = report.Findings.ShouldHaveSingleItem();
        finding.Kind.ShouldBe("crash");
        finding.Signature.ShouldBe("FormatException at ThrowingTarget.Run");
        Convert.FromBase64String(finding.InputBase64).ShouldBe("Z"u8.ToArray(), "shrunk to the one octet that throws");
        log.ToString().ShouldContain(finding.InputBase64);
    }

    [Fact]
    public void Run_WhenAnInputNeverReturns_ReportsAHangWithTheInputAndMovesOn()
    {
        using var target = new BlockingTarget();
        using var log = new StringWriter();

        var report = new FuzzRunner(new FuzzSettings(100, Seed) { HangAfter = TimeSpan.FromMilliseconds(200), AbandonAfter = TimeSpan.FromSeconds(1) }, log).Run(target);
        target.Release();

        report.Hangs.ShouldBe(1);
        report.Abandoned.ShouldBeTrue();
        report.Findings.ShouldHaveSingleItem().Kind.ShouldBe("hang");
        log.ToString().ShouldContain("HANG input");
    }

    private sealed class ThrowingTarget : IFuzzTarget
    {
        public string Name => "throwing";

        public IReadOnlyList<byte[]> Samples { get; } = ["abcZdef"u8.ToArray(), "hello"u8.ToArray()];

        public IReadOnlyList<byte[]> Tokens { get; } = ["Z"u8.ToArray()];

        public string Run(byte[] input, ulong variant) =>
            Array.IndexOf(input, (byte)'Z') >= 0 ? throw new FormatException("Z is not allowed") : Outcome.Accepted;

        public void Dispose()
        {
        }
    }

    private sealed class BlockingTarget : IFuzzTarget
    {
        private readonly ManualResetEventSlim _release = new();

        public string Name => "blocking";

        public IReadOnlyList<byte[]> Samples { get; } = ["x"u8.ToArray()];

        public IReadOnlyList<byte[]> Tokens { get; } = [];

        public string Run(byte[] input, ulong variant)
        {
            _release.Wait();
            return Outcome.Accepted;
        }

        public void Release() => _release.Set();

        public void Dispose() => _release.Dispose();
    }
}
