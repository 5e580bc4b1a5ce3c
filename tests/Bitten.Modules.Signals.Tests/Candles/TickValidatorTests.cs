using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Candles;
using Bitten.Modules.Signals.Ingest;

namespace Bitten.Modules.Signals.Tests.Candles;

public sealed class TickValidatorTests
{
    private readonly TickValidator _validator = new(pipSize: 0.0001, maxSpreadPips: 10, maxJumpAtr: 8, maxJumpFraction: 0.02);

    [Fact]
    public void Check_WhenSpreadWiderThanTheLimit_RejectsIt() =>
        _validator.Check(1.1000, 1.1011, 0).ShouldBe(IngestRejectReason.SpreadTooWide);

    [Fact]
    public void Check_WhenAtrUnknownAndPriceJumpsFivePercent_RejectsIt()
    {
        _validator.Check(1.1000, 1.1001, 1_000).ShouldBe(IngestRejectReason.None);

        _validator.Check(1.1550, 1.1551, 1_000).ShouldBe(IngestRejectReason.PriceJump);
        _validator.Check(1.1003, 1.1004, 1_000).ShouldBe(IngestRejectReason.None, "a rejected tick does not move the reference mid");
    }

    [Fact]
    public void Check_WhenJumpBeyondEightAtr_RejectsItButAcceptsNormalMoves()
    {
        for (var i = 0; i < 20; i++)
        {
            _validator.OnM1Closed(new Candle(Timeframe.M1, i * 60_000L, 1.1, 1.1002, 1.0998, 1.1, 10, 0.0001, false));
        }

        _validator.Atr.ShouldBe(0.0004, 1e-12);
        _validator.Check(1.1000, 1.1001, 1_000).ShouldBe(IngestRejectReason.None);
        _validator.Check(1.1025, 1.1026, 1_000).ShouldBe(IngestRejectReason.None);
        _validator.Check(1.1070, 1.1071, 1_000).ShouldBe(IngestRejectReason.PriceJump);
    }

    [Fact]
    public void Check_WhenTheMarketGapsAndStaysThere_AcceptsTheNewLevelAfterThreeConfirmingTicks()
    {
        _validator.Check(1.1000, 1.1001, 1_000).ShouldBe(IngestRejectReason.None);

        _validator.Check(1.1300, 1.1301, 2_000).ShouldBe(IngestRejectReason.PriceJump);
        _validator.Check(1.1302, 1.1303, 3_000).ShouldBe(IngestRejectReason.PriceJump);
        _validator.Check(1.1301, 1.1302, 4_000).ShouldBe(IngestRejectReason.None, "three ticks agree: the gap is real");
        _validator.Check(1.1303, 1.1304, 5_000).ShouldBe(IngestRejectReason.None);
    }

    [Fact]
    public void Check_WhenASpikeIsNotConfirmed_KeepsRejectingOnlyTheSpike()
    {
        _validator.Check(1.1000, 1.1001, 1_000).ShouldBe(IngestRejectReason.None);

        _validator.Check(1.1300, 1.1301, 2_000).ShouldBe(IngestRejectReason.PriceJump);
        _validator.Check(1.1001, 1.1002, 3_000).ShouldBe(IngestRejectReason.None);
        _validator.Check(1.1300, 1.1301, 4_000).ShouldBe(IngestRejectReason.PriceJump);
    }

    [Fact]
    public void Check_WhenTheFirstTickAfterAWeekendGapsAway_AcceptsIt()
    {
        _validator.Check(1.1000, 1.1001, 0).ShouldBe(IngestRejectReason.None);

        _validator.Check(1.1300, 1.1301, 49 * 3_600_000L).ShouldBe(IngestRejectReason.None);
    }
}
