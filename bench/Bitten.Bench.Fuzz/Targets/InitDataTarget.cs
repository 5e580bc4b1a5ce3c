using System.Text;
using System.Text.Json;
using Bitten.Bench.Fuzz.Engine;
using Bitten.Modules.Users.Auth;

namespace Bitten.Bench.Fuzz.Targets;

/// <summary>
/// The Mini App initData verifier (<see cref="InitDataValidator.Validate"/>). Most variants re-sign the mutated query with the
/// vectors' bot token first, so mutations reach what runs after a valid signature (auth_date, the user JSON) — as a
/// client holding real initData could. The reason is the validator's own error text, values stripped.
/// </summary>
internal sealed class InitDataTarget : IFuzzTarget
{
    private const string Token = "5768337691:AAH5YkoiEuPk8-FZa32hStHTqXiLPtAEhx8";
    private readonly InitDataValidator _validator = new(new FixedClock(new DateTimeOffset(2022, 9, 10, 1, 0, 48, TimeSpan.Zero)));

    public string Name => "telegram-initdata";

    public IReadOnlyList<byte[]> Samples { get; } = [.. LoadSamples()];

    public IReadOnlyList<byte[]> Tokens { get; } = [.. new[]
    {
        "&", "=", "hash=", "auth_date=", "user=", "query_id=", "signature=", "start_param=", "chat_instance=", "%7B", "%7D", "%22", "%3A", "%2C",
        "%22id%22%3A", "%22first_name%22%3A", "%5Cud800", "%5Cu0000", "+", "%", "%2", "%zz", "1662771648", "99999999999999", "-1",
        "{\"id\":279058397,\"first_name\":\"A\"}", "{\"id\":1e3}", "{\"id\":\"7\"}",
    }.Select(SampleFiles.Utf8)];

    public string Run(byte[] input, ulong variant)
    {
        var text = Encoding.UTF8.GetString(input);
        if (variant % 4 != 0 && InitDataValidator.Parse(text) is { } fields)
        {
            text = Resign(text, fields);
        }

        TimeSpan? maxAge = (variant >> 4) % 2 == 0 ? null : TimeSpan.FromDays(1);
        var check = _validator.Validate(text, Token, maxAge, TimeSpan.FromMinutes(5));
        if (check.Valid)
        {
            _ = check.User?.TelegramId;
            _ = check.StartParam;
            return Outcome.Accepted;
        }

        return Reasons.FromMessage(check.Error ?? "invalid");
    }

    public void Dispose()
    {
    }

    /// <summary>The same query with a correct hash for its other fields (as the bot token's holder would sign it).</summary>
    private static string Resign(string text, Dictionary<string, string> fields)
    {
        var kept = text.Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("hash=", StringComparison.Ordinal) && p != "hash");
        var hash = Convert.ToHexStringLower(InitDataValidator.ComputeHash(Token, InitDataValidator.DataCheckString(fields)));
        return string.Join('&', kept.Append("hash=" + hash));
    }

    private static IEnumerable<byte[]> LoadSamples()
    {
        var path = SampleFiles.Repo("tests", "data", "telegram", "initdata_hmac_vectors.json");
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        foreach (var vector in json.RootElement.EnumerateArray())
        {
            yield return SampleFiles.Utf8(vector.GetProperty("init_data").GetString()!);
        }

        var ed25519 = SampleFiles.Repo("tests", "data", "telegram", "initdata_ed25519_vector.json");
        using var third = JsonDocument.Parse(File.ReadAllBytes(ed25519));
        yield return SampleFiles.Utf8(third.RootElement.GetProperty("init_data").GetString()!);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
