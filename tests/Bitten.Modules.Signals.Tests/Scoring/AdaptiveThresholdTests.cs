using Bitten.Modules.Signals.Scoring;

namespace Bitten.Modules.Signals.Tests.Scoring;

public sealed class AdaptiveThresholdTests
{
    private static readonly ThresholdSettings Settings = new();

    [Fact]
    public void Review_WhenTooFewSignals_LowersByTheDomainFormula()
    {
        var decision = AdaptiveThreshold.Review(72, Settings, signalsLast24h: 39, resolvedLast24h: 0, winRateLast24h: null);

        // ratio 0.6 → min(2, 0.4 × 5) = 2
        decision.Changed.ShouldBeTrue();
        decision.Next.ShouldBe(70);
        decision.Reasons.ShouldHaveSingleItem().ShouldContain("lower by 2.00");
    }

    [Fact]
    public void Review_WhenTooManySignals_RaisesByTheDomainFormula()
    {
        var decision = AdaptiveThreshold.Review(72, Settings, signalsLast24h: 91, resolvedLast24h: 0, winRateLast24h: null);

        decision.Next.ShouldBe(73.2, 1e-9); // ratio 1.4 → min(2, 0.4 × 3) = 1.2
    }

    [Fact]
    public void Review_WhenWinRateUnderMinimum_RaisesAndSaysWhy()
    {
        var decision = AdaptiveThreshold.Review(72, Settings, signalsLast24h: 65, resolvedLast24h: 40, winRateLast24h: 0.30);

        decision.Next.ShouldBe(73, 1e-9); // min(3, 0.1 × 10) = 1
        decision.Reasons.ShouldHaveSingleItem().ShouldContain("under 40");
    }

    [Theory]
    [InlineData(60)] // ratio 0.92: inside the 85–115 % band, no rule applies
    [InlineData(75)] // ratio 1.154: raise by 0.46, under 0.5, skipped
    [InlineData(55)] // ratio 0.846: lower by 0.77 … applied, see below
    public void Review_WhenChangeUnderHalfAPoint_KeepsTheThreshold(int signals)
    {
        var decision = AdaptiveThreshold.Review(72, Settings, signals, 0, null);

        decision.Changed.ShouldBe(signals == 55);
        decision.Next.ShouldBe(signals == 55 ? 71.23 : 72, 0.01);
    }

    [Fact]
    public void Review_WhenAtTheBounds_StaysWithinSeventyAndSeventyEight()
    {
        AdaptiveThreshold.Review(70, Settings, 0, 0, null).ShouldSatisfyAllConditions(d => d.Next.ShouldBe(70), d => d.Changed.ShouldBeFalse());
        AdaptiveThreshold.Review(78, Settings, 500, 50, 0.1).ShouldSatisfyAllConditions(d => d.Next.ShouldBe(78), d => d.Changed.ShouldBeFalse());
    }

    [Fact]
    public void Review_WhenTooFewOutcomes_IgnoresTheWinRate() =>
        AdaptiveThreshold.Review(72, Settings, 65, 5, 0.0).Changed.ShouldBeFalse();
}
