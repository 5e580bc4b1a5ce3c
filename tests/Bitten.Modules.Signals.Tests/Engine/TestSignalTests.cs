using Bitten.Contracts.Common;
using Bitten.Modules.Signals.Engine;
using Bitten.Modules.Signals.Ingest;
using Bitten.Modules.Signals.Testing;
using Shouldly;
using Xunit;

namespace Bitten.Modules.Signals.Tests.Engine;

public sealed class TestSignalTests
{
    [Fact]
    public void ForceTestSignal_WhenTheSymbolHasNoPriceYet_EmitsNothing()
    {
        var harness = new EngineHarness();

        harness.Engine.ForceTestSignal(0, Side.Buy, 80).ShouldBeNull();

        harness.Signals.ShouldBeEmpty();
    }

    [Fact]
    public void ForceTestSignal_AfterATick_EmitsASignalAtThatTicksPriceTimeAndReceipt()
    {
        var harness = new EngineHarness();
        const long ts = 1_700_000_000_000;
        harness.Engine.OnTick(new TickEvent(0, 1.10000, 1.10010, ts, 12345)).ShouldBe(IngestRejectReason.None);

        var signal = harness.Engine.ForceTestSignal(0, Side.Buy, 81).ShouldNotBeNull();

        harness.Signals.ShouldHaveSingleItem().ShouldBeSameAs(signal);
        signal.Candidate.Pattern.ShouldBe(SignalEngine.TestPattern);
        signal.Candidate.Entry.ShouldBe(1.10010); // a buy enters at the ask
        signal.Candidate.StopLoss.ShouldBeLessThan(signal.Candidate.Entry);
        signal.Candidate.RewardRisk.ShouldBe(1.5, 1e-9);
        signal.Tcs.ShouldBe(81);
        signal.CreatedMs.ShouldBe(ts);
        signal.TriggerReceivedTicks.ShouldBe(12345);
        signal.ExpiresMs.ShouldBeGreaterThan(ts);
    }

    [Fact]
    public void ForceTestSignal_ForASell_PutsTheStopAboveTheBidAndTracksTheVirtualTrade()
    {
        var harness = new EngineHarness();
        harness.Engine.OnTick(new TickEvent(0, 1.10000, 1.10010, 1_700_000_000_000, 0));

        var signal = harness.Engine.ForceTestSignal(0, Side.Sell, 80).ShouldNotBeNull();

        signal.Candidate.Entry.ShouldBe(1.10000);
        signal.Candidate.StopLoss.ShouldBeGreaterThan(1.10000);
        signal.Candidate.TakeProfit.ShouldBeLessThan(1.10000);
        harness.Engine.Tracker.OpenCount.ShouldBe(1);
    }

    [Fact]
    public void TakeFor_WhenRequestsForOtherSymbolsWait_TakesOnlyThatSymbolsAndKeepsTheRest()
    {
        var requests = new TestSignalRequests();
        requests.TryAdd(new TestSignalRequest(0, Side.Buy, 80), 10).ShouldBeTrue();
        requests.TryAdd(new TestSignalRequest(1, Side.Sell, 80), 10).ShouldBeTrue();
        requests.TryAdd(new TestSignalRequest(0, Side.Sell, 90), 10).ShouldBeTrue();
        var taken = new List<TestSignalRequest>();

        requests.TakeFor(0, taken);

        taken.Select(r => r.Side).ShouldBe([Side.Buy, Side.Sell]);
        requests.Count.ShouldBe(1);
        requests.Pending.ShouldBeTrue();
    }

    [Fact]
    public void TryAdd_BeyondTheLimit_RefusesWithoutQueueing()
    {
        var requests = new TestSignalRequests();
        requests.TryAdd(new TestSignalRequest(0, Side.Buy, 80), 1).ShouldBeTrue();

        requests.TryAdd(new TestSignalRequest(0, Side.Buy, 80), 1).ShouldBeFalse();

        requests.Count.ShouldBe(1);
    }
}
