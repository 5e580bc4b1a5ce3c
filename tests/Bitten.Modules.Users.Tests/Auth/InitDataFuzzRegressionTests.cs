using System.Text;
using Bitten.Modules.Users.Auth;
using Bitten.Modules.Users.Tests.Support;

namespace Bitten.Modules.Users.Tests.Auth;

/// <summary>Signed initData found by bench/Bitten.Bench.Fuzz that threw out of the validator (a 500 instead of a refusal).</summary>
public sealed class InitDataFuzzRegressionTests
{
    private const string Token = "5768337691:AAH5YkoiEuPk8-FZa32hStHTqXiLPtAEhx8";
    private static readonly ManualTimeProvider Time = new(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("{\"id\":7,\"first_name\":\"\\ud8b9\",\"\":true}")] // minimized: a first_name escaping a lone surrogate
    [InlineData("{\"\":7,\"\":\"\",\"\\ud84e\":\"\",\"\":true}")] // minimized: looking for "id" decodes a name escaping a lone surrogate
    public void Validate_WhenTheSignedUserJsonCannotBeDecoded_HasNoUserInsteadOfThrowing(string user)
    {
        var initData = Signed(("auth_date", "1"), ("user", user));

        var check = new InitDataValidator(Time).Validate(initData, Token, maxAge: null, TimeSpan.FromMinutes(5));

        check.Valid.ShouldBeTrue("the signature is right");
        check.User.ShouldBeNull("AuthEndpoints refuses a sign-in without a readable user");
    }

    [Fact]
    public void Validate_WhenTheSignedAuthDateIsPastYear9999_RefusesInsteadOfThrowing()
    {
        var initData = Signed(("auth_date", "99999999999999"), ("user", "{\"id\":7,\"first_name\":\"A\"}"));

        var check = new InitDataValidator(Time).Validate(initData, Token, maxAge: TimeSpan.FromDays(1), TimeSpan.FromMinutes(5));

        check.Valid.ShouldBeFalse();
        check.Error.ShouldBe("init_data auth_date is past the year 9999");
    }

    private static string Signed(params (string Key, string Value)[] fields)
    {
        var map = fields.ToDictionary(f => f.Key, f => f.Value);
        var hash = Convert.ToHexStringLower(InitDataValidator.ComputeHash(Token, InitDataValidator.DataCheckString(map)));
        return new StringBuilder().AppendJoin('&', fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}")).Append("&hash=").Append(hash).ToString();
    }
}
