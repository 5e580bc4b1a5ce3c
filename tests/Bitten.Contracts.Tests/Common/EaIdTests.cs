using Bitten.Contracts.Common;

namespace Bitten.Contracts.Tests.Common;

public sealed class EaIdTests
{
    [Theory]
    [InlineData("ea1")]
    [InlineData("terminal-01.demo_A")]
    public void Constructor_WhenValid_KeepsTheValue(string value) => new EaId(value).Value.ShouldBe(value);

    [Theory]
    [InlineData("ab")]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData("")]
    public void Constructor_WhenInvalid_Throws(string value) => Should.Throw<ArgumentException>(() => new EaId(value));

    [Fact]
    public void IsValid_When65Characters_IsFalse() => EaId.IsValid(new string('a', 65)).ShouldBeFalse();
}
