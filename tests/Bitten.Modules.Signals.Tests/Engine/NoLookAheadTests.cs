using Bitten.Modules.Signals.Replay;

namespace Bitten.Modules.Signals.Tests.Engine;

/// <summary>
/// A detector that peeks at future bars produces signals on a full run that a run cut short at that bar
/// would not (or with other values). Every prefix run's signals must appear, identical, in the full run.
/// </summary>
public sealed class NoLookAheadTests
{
    [SharedDataFact("fx/histdata_eurusd_m1_2017")]
    public void Run_WhenCutAtFiftyRandomPoints_EveryPrefixSignalAppearsUnchangedInTheFullRun()
    {
        var bars = EngineHarness.HistData("01").Take(14_000).ToList();
        var full = new EngineHarness();
        full.Run(bars);
        var fullSignals = full.Signals.Select(SignalFingerprint.Of).ToList();
        fullSignals.Count.ShouldBeGreaterThan(10);

        var random = new Random(20261122);
        var prefixSignals = 0;
        for (var cut = 0; cut < 50; cut++)
        {
            var length = random.Next(2_000, bars.Count);
            var prefix = new EngineHarness();
            prefix.RunWithoutClosing(bars.Take(length));

            var signals = prefix.Signals.Select(SignalFingerprint.Of).ToList();
            signals.ShouldBe(fullSignals.Take(signals.Count).ToList(), $"a run cut after {length} bars disagrees with the full run");
            prefixSignals += signals.Count;
        }

        prefixSignals.ShouldBeGreaterThan(100);
    }
}
