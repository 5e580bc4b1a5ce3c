using System.Text.Json;
using Bitten.Modules.Users.Auth;
using Bitten.Modules.Users.Tests.Support;

namespace Bitten.Modules.Users.Tests.Auth;

public sealed class InitDataValidatorTests
{
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);

    public static TheoryData<string> VectorNames() => [.. Vectors().Select(v => v.Name)];

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Validate_WhenPublishedVectorAndExpiryDisabled_Accepts(string name)
    {
        var v = Vector(name);

        var check = new InitDataValidator(new ManualTimeProvider()).Validate(v.InitData, v.BotToken, maxAge: null, Skew);

        check.Error.ShouldBeNull();
        check.Valid.ShouldBe(v.ExpectedValid);
        check.User.ShouldNotBeNull().TelegramId.ShouldBeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Steps_WhenPublishedVector_MatchTheIntermediateValues(string name)
    {
        var v = Vector(name);

        var fields = InitDataValidator.Parse(v.InitData).ShouldNotBeNull();

        Convert.ToHexStringLower(InitDataValidator.SecretKey(v.BotToken)).ShouldBe(v.SecretKeyHex);
        InitDataValidator.DataCheckString(fields).ShouldBe(v.DataCheckString);
        Convert.ToHexStringLower(InitDataValidator.ComputeHash(v.BotToken, v.DataCheckString)).ShouldBe(v.ExpectedHash);
    }

    [Fact]
    public void Validate_WhenUtf8Vector_ReadsTheCyrillicName()
    {
        var v = Vector("initdatapy-UTF8");

        var check = new InitDataValidator(new ManualTimeProvider()).Validate(v.InitData, v.BotToken, null, Skew);

        check.User!.FirstName.ShouldBe("Артём");
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Validate_WhenAuthDateChanged_Rejects(string name)
    {
        var v = Vector(name);
        var tampered = v.InitData.Replace("auth_date=1", "auth_date=2", StringComparison.Ordinal);

        var check = new InitDataValidator(new ManualTimeProvider()).Validate(tampered, v.BotToken, null, Skew);

        check.Valid.ShouldBeFalse();
        check.Error.ShouldBe("init_data signature does not match");
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Validate_WhenUserFieldChanged_Rejects(string name)
    {
        var v = Vector(name);
        var tampered = v.InitData.Replace("%22id%22%3A", "%22id%22%3A1", StringComparison.Ordinal);

        new InitDataValidator(new ManualTimeProvider()).Validate(tampered, v.BotToken, null, Skew).Valid.ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Validate_WhenBotTokenIsAnother_Rejects(string name)
    {
        var v = Vector(name);

        new InitDataValidator(new ManualTimeProvider()).Validate(v.InitData, v.BotToken + "x", null, Skew).Valid.ShouldBeFalse();
    }

    [Fact]
    public void Validate_WhenHashMissingOrMalformed_Rejects()
    {
        var v = Vectors()[0];
        var withoutHash = string.Join('&', v.InitData.Split('&').Where(p => !p.StartsWith("hash=", StringComparison.Ordinal)));
        var validator = new InitDataValidator(new ManualTimeProvider());

        validator.Validate(withoutHash, v.BotToken, null, Skew).Valid.ShouldBeFalse();
        validator.Validate(withoutHash + "&hash=" + new string('z', 64), v.BotToken, null, Skew).Valid.ShouldBeFalse();
        validator.Validate(withoutHash + "&hash=abc", v.BotToken, null, Skew).Valid.ShouldBeFalse();
        validator.Validate("", v.BotToken, null, Skew).Valid.ShouldBeFalse();
        validator.Validate(v.InitData + "&hash=" + v.ExpectedHash, v.BotToken, null, Skew).Valid.ShouldBeFalse();
    }

    [Fact]
    public void Validate_WhenAuthDateOlderThanMaxAge_Rejects()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        var data = InitDataSigner.Sign("1:token", 1_800_000_000 - 3601, 7);

        var check = new InitDataValidator(clock).Validate(data, "1:token", TimeSpan.FromHours(1), Skew);

        check.Valid.ShouldBeFalse();
        check.Error!.ShouldContain("older than");
    }

    [Fact]
    public void Validate_WhenAuthDateWithinMaxAge_Accepts()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        var data = InitDataSigner.Sign("1:token", 1_800_000_000 - 3599, 7);

        new InitDataValidator(clock).Validate(data, "1:token", TimeSpan.FromHours(1), Skew).Valid.ShouldBeTrue();
    }

    [Fact]
    public void Validate_WhenAuthDateInTheFutureBeyondSkew_Rejects()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        var validator = new InitDataValidator(clock);

        validator.Validate(InitDataSigner.Sign("1:token", 1_800_000_000 + 31, 7), "1:token", TimeSpan.FromHours(1), Skew).Error!.ShouldContain("future");
        validator.Validate(InitDataSigner.Sign("1:token", 1_800_000_000 + 29, 7), "1:token", TimeSpan.FromHours(1), Skew).Valid.ShouldBeTrue();
    }

    [Fact]
    public void Validate_WhenSignatureFieldPresent_IncludesItInTheCheckString()
    {
        var data = InitDataSigner.Sign("1:token", 1_800_000_000, 7, ("signature", "abc-_xyz"));

        var check = new InitDataValidator(new ManualTimeProvider()).Validate(data, "1:token", null, Skew);

        check.Valid.ShouldBeTrue();
        check.Fields["signature"].ShouldBe("abc-_xyz");
    }

    internal sealed record HmacVector(string Name, string BotToken, string InitData, bool ExpectedValid, string SecretKeyHex, string DataCheckString, string ExpectedHash);

    private static HmacVector Vector(string name) => Vectors().Single(v => v.Name == name);

    private static List<HmacVector> Vectors()
    {
        var path = Path.Combine(TestEnvironment.TestData, "telegram", "initdata_hmac_vectors.json");
        return JsonSerializer.Deserialize<List<HmacVector>>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!;
    }
}
