namespace Bitten.Modules.Signals.Tests.Engine;

/// <summary>
/// The real EURUSD M1 history (HistData, Jan–Apr 2017) produces exactly the pinned list of signals.
/// A deliberate change to detectors or scoring re-pins with <c>BITTEN_REPIN=1</c> and shows up in review
/// as a diff of <c>Engine/Pinned/histdata-eurusd-2017.txt</c>.
/// </summary>
public sealed class PinnedRegressionTests
{
    private static readonly string PinFile = Path.Combine(TestEnvironment.RepositoryRoot, "tests", "Bitten.Modules.Signals.Tests", "Engine", "Pinned", "histdata-eurusd-2017.txt");

    [SharedDataFact("fx/histdata_eurusd_m1_2017")]
    public void Run_WhenFourMonthsReplayed_ProducesExactlyThePinnedSignalsOnEveryRun()
    {
        var first = Run();
        var second = Run();

        second.ShouldBe(first, "two runs over the same history disagree: the engine is not deterministic");
        if (Environment.GetEnvironmentVariable("BITTEN_REPIN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(PinFile)!);
            File.WriteAllLines(PinFile, first);
        }

        File.Exists(PinFile).ShouldBeTrue($"no pin at {PinFile}: run once with BITTEN_REPIN=1 and review the file");
        first.ShouldBe((IEnumerable<string>)File.ReadAllLines(PinFile), "the signals differ from the pinned list; if the change is intended, re-pin with BITTEN_REPIN=1");
    }

    private static List<string> Run()
    {
        var harness = new EngineHarness();
        harness.Run(EngineHarness.HistData("01", "02", "03", "04"));
        return [.. harness.Signals.Select(SignalFingerprint.Of)];
    }
}
