using Bitten.Contracts.Common;

namespace Bitten.Contracts.Tests.Common;

public sealed class UlidTests
{
    private static readonly DateTimeOffset Instant = new(2026, 11, 22, 10, 30, 15, 123, TimeSpan.Zero);

    [Fact]
    public void NewUlid_WhenCreated_Is26CrockfordCharactersCarryingTheTimestamp()
    {
        var ulid = Ulid.NewUlid(Instant);

        ulid.Value.Length.ShouldBe(26);
        ulid.Value.ShouldMatch("^[0-9A-HJKMNP-TV-Z]{26}$");
        ulid.TimestampMs.ShouldBe(Instant.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void NewUlid_WhenLaterInstant_SortsAfter()
    {
        var earlier = Ulid.NewUlid(Instant);
        var later = Ulid.NewUlid(Instant.AddMilliseconds(1));

        (earlier < later).ShouldBeTrue();
        string.CompareOrdinal(earlier.Value, later.Value).ShouldBeLessThan(0);
    }

    [Fact]
    public void NewUlid_WhenSameInstant_IsStillUnique()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => Ulid.NewUlid(Instant).Value).ToHashSet();

        ids.Count.ShouldBe(10_000);
    }

    [Theory]
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FAV", true)]
    [InlineData("01arz3ndektsv4rrffq69g5fav", true)]
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FA", false)]
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FAVX", false)]
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FAU", false)]
    [InlineData("81ARZ3NDEKTSV4RRFFQ69G5FAV", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void TryParse_WhenGivenText_AcceptsOnlyValidUlids(string? text, bool valid)
    {
        Ulid.TryParse(text, out var parsed).ShouldBe(valid);
        if (valid)
        {
            parsed.Value.ShouldBe(text!.ToUpperInvariant());
        }
    }

    [Theory]
    [InlineData("0000000000ZZZZZZZZZZZZZZZZ", 0L)]
    [InlineData("0000000001ZZZZZZZZZZZZZZZZ", 1L)]
    [InlineData("0000000010ZZZZZZZZZZZZZZZZ", 32L)]
    [InlineData("7ZZZZZZZZZZZZZZZZZZZZZZZZZ", 281474976710655L)]
    public void TimestampMs_WhenHandComputedBase32_DecodesTheTime(string text, long expected)
    {
        Ulid.TryParse(text, out var ulid).ShouldBeTrue();

        ulid.TimestampMs.ShouldBe(expected);
    }
}
