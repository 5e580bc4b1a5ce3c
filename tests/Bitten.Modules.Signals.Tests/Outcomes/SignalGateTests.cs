using Bitten.Contracts.Common;
using Bitten.Modules.Signals.Publishing;

namespace Bitten.Modules.Signals.Tests.Outcomes;

public sealed class SignalGateTests
{
    private const long Hour = 3_600_000;
    private const long T0 = 1_763_899_200_000; // on the hour
    private readonly SignalGate _gate = new(2);

    [Fact]
    public void Refusal_WhenWithinFiveMinutes_RefusesTheSameSymbolOnly()
    {
        _gate.Record(0, Side.Buy, T0);
        _gate.Resolved(0, Side.Buy);

        _gate.Refusal(0, Side.Sell, T0 + 299_999).ShouldNotBeNull();
        _gate.Refusal(0, Side.Sell, T0 + 300_000).ShouldBeNull();
        _gate.Refusal(1, Side.Sell, T0 + 1).ShouldBeNull();
    }

    [Fact]
    public void Refusal_WhenThreeThisHour_RefusesUntilTheNextClockHour()
    {
        for (var i = 0; i < 3; i++)
        {
            _gate.Record(0, Side.Buy, T0 + (i * 600_000));
            _gate.Resolved(0, Side.Buy);
        }

        _gate.Refusal(0, Side.Buy, T0 + 1_800_000).ShouldNotBeNull().ShouldContain("this hour");
        _gate.Refusal(0, Side.Buy, T0 + Hour).ShouldBeNull();
    }

    [Fact]
    public void Refusal_WhenAnOpenSignalOnTheSameSide_RefusesUntilResolved()
    {
        _gate.Record(0, Side.Sell, T0);

        _gate.Refusal(0, Side.Sell, T0 + 600_000).ShouldNotBeNull().ShouldContain("open Sell");
        _gate.Refusal(0, Side.Buy, T0 + 600_000).ShouldBeNull();
        _gate.Resolved(0, Side.Sell);
        _gate.Refusal(0, Side.Sell, T0 + 600_000).ShouldBeNull();
    }
}
