using Bitten.Modules.Signals.Market;

namespace Bitten.Modules.Signals.Tests.Market;

public sealed class SymbolCatalogTests
{
    private readonly SymbolCatalog _catalog = new(["EURUSD", "USDJPY", "XAUUSD", "GBPJPY", "AUDUSD"], ["EURGBP"]);

    [Theory]
    [InlineData("EURUSD", 0.0001, 5)]
    [InlineData("USDJPY", 0.01, 3)]
    [InlineData("GBPJPY", 0.01, 3)]
    [InlineData("XAUUSD", 0.1, 2)]
    [InlineData("EURGBP", 0.0001, 5)]
    public void Find_WhenKnownSymbol_HasTheDomainPipSize(string symbol, double pip, int digits)
    {
        var info = _catalog.Find(symbol).ShouldNotBeNull();

        info.PipSize.ShouldBe(pip);
        info.Digits.ShouldBe(digits);
    }

    [Fact]
    public void IndexOf_WhenUtf8Name_FindsWithoutAllocating()
    {
        var name = "XAUUSD"u8.ToArray();
        _catalog.IndexOf(name); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        var index = _catalog.IndexOf(name);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        index.ShouldBe(2);
        allocated.ShouldBe(0);
    }

    [Fact]
    public void Find_WhenReserveSymbol_IsNotActive()
    {
        _catalog.Find("EURGBP")!.Active.ShouldBeFalse();
        _catalog.Find("EURUSD")!.Active.ShouldBeTrue();
        _catalog.IndexOf("GBPUSD"u8).ShouldBe(-1);
    }

    [Theory]
    [InlineData("USDJPY", true)]
    [InlineData("AUDUSD", true)]
    [InlineData("EURUSD", false)]
    public void SessionNeutral_WhenJpyAudNzd_IsTrue(string symbol, bool neutral) => _catalog.Find(symbol)!.SessionNeutral.ShouldBe(neutral);
}
