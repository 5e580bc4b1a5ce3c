using Bitten.Modules.Signals.Structure;

namespace Bitten.Modules.Signals.Tests.Structure;

public sealed class LiveRegressionTests
{
    [Fact]
    public void Update_WhenRunOverEurUsdWithDomainDefaults_ProducesThePinnedStructure()
    {
        var listener = new RecordingListener();
        var structure = new MarketStructure(new MarketStructureOptions(), listener);
        foreach (var bar in EurUsd15M.Bars)
        {
            structure.Update(bar);
        }

        var summary = string.Join(
            " ",
            $"swings={listener.Swings.Count}",
            $"gaps={listener.Gaps.Count}",
            $"blocks={listener.Blocks.Count + listener.InvalidatedBlocks.Count}",
            $"bos={listener.Breaks.Count(b => b.Kind == StructureBreakKind.BreakOfStructure)}",
            $"choch={listener.Breaks.Count(b => b.Kind == StructureBreakKind.ChangeOfCharacter)}",
            $"pools={listener.Pools.Count}",
            $"swept={listener.Pools.Values.Count(p => p.IsSwept)}",
            $"trend={structure.Trend}");

        summary.ShouldBe("swings=2706 gaps=5020 blocks=1210 bos=588 choch=622 pools=195 swept=179 trend=Bearish");
    }
}
