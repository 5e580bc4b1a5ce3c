using Bitten.Modules.Signals.Structure;

namespace Bitten.Modules.Signals.Tests.Structure;

public sealed class SmcReferenceTests
{
    private static readonly Lazy<SwingSeries> Swings = new(() => SmcReference.SwingHighsLows(EurUsd15M.Bars, 5));

    [Fact]
    public void SwingHighsLows_WhenRunOverEurUsd_MatchesEveryRow()
    {
        var swings = Swings.Value;
        var compare = new RowComparison(EurUsd15M.Expected("swing_highs_lows_result_data.csv"), "swing_highs_lows");

        compare.Expected.Count.ShouldBe(swings.Count);
        for (var i = 0; i < swings.Count; i++)
        {
            compare.Exact(i, "HighLow", swings.Kind[i] == 0 ? double.NaN : swings.Kind[i]);
            compare.Exact(i, "Level", swings.Level[i]);
        }

        compare.ShouldHaveNoFailures();
    }

    [Theory]
    [InlineData(false, "fvg_result_data.csv")]
    [InlineData(true, "fvg_consecutive_result_data.csv")]
    public void FairValueGaps_WhenRunOverEurUsd_MatchesEveryRow(bool joinConsecutive, string file)
    {
        var fvg = SmcReference.FairValueGaps(EurUsd15M.Bars, joinConsecutive);
        var compare = new RowComparison(EurUsd15M.Expected(file), file);

        compare.Expected.Count.ShouldBe(fvg.Direction.Length);
        for (var i = 0; i < fvg.Direction.Length; i++)
        {
            var none = fvg.Direction[i] == 0;
            compare.Exact(i, "FVG", none ? double.NaN : fvg.Direction[i]);
            compare.Exact(i, "Top", fvg.Top[i]);
            compare.Exact(i, "Bottom", fvg.Bottom[i]);
            compare.Exact(i, "MitigatedIndex", none ? double.NaN : fvg.MitigatedIndex[i]);
        }

        compare.ShouldHaveNoFailures();
    }

    [Fact]
    public void OrderBlocks_WhenRunOverEurUsd_MatchesEveryRow()
    {
        var ob = SmcReference.OrderBlocks(EurUsd15M.Bars, Swings.Value);
        var compare = new RowComparison(EurUsd15M.Expected("ob_result_data.csv"), "ob");

        for (var i = 0; i < ob.Direction.Length; i++)
        {
            var none = ob.Direction[i] == 0;
            compare.Exact(i, "OB", none ? double.NaN : ob.Direction[i]);
            compare.Float(i, "Top", none ? float.NaN : ob.Top[i]);
            compare.Float(i, "Bottom", none ? float.NaN : ob.Bottom[i]);
            compare.Float(i, "OBVolume", none ? float.NaN : ob.Volume[i]);
            compare.Exact(i, "MitigatedIndex", none ? double.NaN : ob.MitigatedIndex[i]);
            compare.Float(i, "Percentage", none ? float.NaN : ob.Percentage[i]);
        }

        compare.ShouldHaveNoFailures();
        ob.Direction.Count(d => d != 0).ShouldBe(66);
    }

    [Fact]
    public void Liquidity_WhenRunOverEurUsdWithOnePercentBand_MatchesEveryRow()
    {
        var liquidity = SmcReference.Liquidity(EurUsd15M.Bars, Swings.Value, 0.01);
        var compare = new RowComparison(EurUsd15M.Expected("liquidity_result_data.csv"), "liquidity");

        for (var i = 0; i < liquidity.Direction.Length; i++)
        {
            var none = liquidity.Direction[i] == 0;
            compare.Exact(i, "Liquidity", none ? double.NaN : liquidity.Direction[i]);
            compare.Float(i, "Level", none ? float.NaN : liquidity.Level[i]);
            compare.Exact(i, "End", none ? double.NaN : liquidity.End[i]);
            compare.Exact(i, "Swept", none ? double.NaN : liquidity.Swept[i]);
        }

        compare.ShouldHaveNoFailures();
    }

    [Theory]
    [InlineData((int)ReferencePeriod.FourHours, "previous_high_low_result_data_4h.csv")]
    [InlineData((int)ReferencePeriod.Day, "previous_high_low_result_data_1D.csv")]
    [InlineData((int)ReferencePeriod.Week, "previous_high_low_result_data_W.csv")]
    public void PreviousHighLow_WhenRunOverEurUsd_MatchesEveryRow(int period, string file)
    {
        var previous = SmcReference.PreviousHighLow(EurUsd15M.Bars, (ReferencePeriod)period);
        var compare = new RowComparison(EurUsd15M.Expected(file), file);

        compare.Expected.Count.ShouldBe(previous.PreviousHigh.Length);
        for (var i = 0; i < previous.PreviousHigh.Length; i++)
        {
            compare.Float(i, "PreviousHigh", previous.PreviousHigh[i]);
            compare.Float(i, "PreviousLow", previous.PreviousLow[i]);
            compare.Exact(i, "BrokenHigh", previous.BrokenHigh[i] ? 1 : 0);
            compare.Exact(i, "BrokenLow", previous.BrokenLow[i] ? 1 : 0);
        }

        compare.ShouldHaveNoFailures();
    }

    [Fact]
    public void Sessions_WhenRunOverEurUsdForLondon_MatchesEveryRow()
    {
        var sessions = SmcReference.Sessions(EurUsd15M.Bars, SessionWindow.London);
        var compare = new RowComparison(EurUsd15M.Expected("sessions_result_data.csv"), "sessions");

        compare.Expected.Count.ShouldBe(sessions.Active.Length);
        for (var i = 0; i < sessions.Active.Length; i++)
        {
            compare.Exact(i, "Active", sessions.Active[i] ? 1 : 0);
            compare.Float(i, "High", sessions.High[i]);
            compare.Float(i, "Low", sessions.Low[i]);
        }

        compare.ShouldHaveNoFailures();
    }

    [Fact]
    public void Retracements_WhenRunOverEurUsd_MatchesEveryRow()
    {
        var retracements = SmcReference.Retracements(EurUsd15M.Bars, Swings.Value);
        var compare = new RowComparison(EurUsd15M.Expected("retracements_result_data.csv"), "retracements");

        compare.Expected.Count.ShouldBe(retracements.Direction.Length);
        for (var i = 0; i < retracements.Direction.Length; i++)
        {
            compare.Exact(i, "Direction", retracements.Direction[i]);
            compare.Exact(i, "CurrentRetracement%", retracements.Current[i]);
            compare.Exact(i, "DeepestRetracement%", retracements.Deepest[i]);
        }

        compare.ShouldHaveNoFailures();
    }
}
