using Bitten.Contracts.Signals;
using Xunit.Abstractions;

namespace Bitten.Modules.Signals.Tests.Engine;

public sealed class RealHistoryTests(ITestOutputHelper output)
{
    [SharedDataFact("fx/histdata_eurusd_m1_2017")]
    public void Run_WhenJanuary2017Replayed_PublishesSignalsOfSeveralPatternsAndResolvesThem()
    {
        var harness = new EngineHarness();

        harness.Run(EngineHarness.HistData("01"));

        foreach (var group in harness.Signals.GroupBy(s => s.Candidate.Pattern))
        {
            output.WriteLine($"{group.Key}: {group.Count()}");
        }

        output.WriteLine($"signals {harness.Signals.Count}, resolved {harness.Resolved.Count}, bars {harness.BarsClosed}, gated: {string.Join(", ", harness.Engine.Counters.GatedByReason())}");
        output.WriteLine($"candidates: {string.Join(", ", harness.Engine.Counters.CandidatesByPattern())}");
        harness.Signals.Count.ShouldBeGreaterThan(5);
        harness.Signals.ShouldAllBe(s => s.Tcs >= 72 && s.ExpectedValueR >= 0 && s.Candidate.RewardRisk >= 1);
        harness.Resolved.Count.ShouldBeGreaterThan(0);
    }
}
