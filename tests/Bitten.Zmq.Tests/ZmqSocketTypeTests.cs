namespace Bitten.Zmq.Tests;

public sealed class ZmqSocketTypeTests
{
    [Fact]
    public void Values_WhenDefined_AreExplicitAndStartAtUnknown()
    {
        ((int)ZmqSocketType.Unknown).ShouldBe(0);
        Enum.GetValues<ZmqSocketType>().Select(v => (int)v).ShouldBe([0, 1, 2, 3, 4, 5, 6]);
    }
}
