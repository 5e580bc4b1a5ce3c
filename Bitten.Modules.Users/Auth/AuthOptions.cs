using System.ComponentModel.DataAnnotations;

namespace Bitten.Modules.Users;

/// <summary>Browser sign-in (section <c>Auth</c>): initData freshness, token lifetimes, login links, rate limit.</summary>
internal sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>initData whose <c>auth_date</c> is older than this is refused.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00",
        ErrorMessage = "Auth:InitDataMaxAge must be between 00:00:10 and 7.00:00:00 (default 01:00:00).")]
    public TimeSpan InitDataMaxAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How far in the future an <c>auth_date</c> may be (clock skew between Telegram and us).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00",
        ErrorMessage = "Auth:InitDataClockSkew must be between 00:00:00 and 00:10:00 (default 00:00:30).")]
    public TimeSpan InitDataClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Lifetime of the bearer access token.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00",
        ErrorMessage = "Auth:AccessTokenLifetime must be between 00:01:00 and 1.00:00:00 (default 01:00:00).")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Lifetime of a one-time login code issued by the bot's <c>/login</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00",
        ErrorMessage = "Auth:LoginLinkLifetime must be between 00:00:30 and 01:00:00 (default 00:05:00).")]
    public TimeSpan LoginLinkLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Browser page that takes <c>?code=</c> from the bot's /login (e.g. https://bitten.example/login); without it the bot sends the bare code.</summary>
    public string? LoginLinkBaseUrl { get; set; }

    /// <summary>Requests per client IP per minute on the auth endpoints (policy <c>auth</c>).</summary>
    [Range(1, 10_000, ErrorMessage = "Auth:RateLimitPerMinute must be between 1 and 10000 (default 10).")]
    public int RateLimitPerMinute { get; set; } = 10;

    /// <summary>Fire and close requests per signed-in user per minute (all of their devices together).</summary>
    [Range(1, 10_000, ErrorMessage = "Auth:FireRateLimitPerUserPerMinute must be between 1 and 10000 (default 60).")]
    public int FireRateLimitPerUserPerMinute { get; set; } = 60;

    /// <summary>Fire and close requests per client IP per minute (all users behind that address together).</summary>
    [Range(1, 100_000, ErrorMessage = "Auth:FireRateLimitPerIpPerMinute must be between 1 and 100000 (default 300).")]
    public int FireRateLimitPerIpPerMinute { get; set; } = 300;

    /// <summary>Telegram user ids that get the admin role when they sign in (no default admins).</summary>
    public long[] AdminTelegramIds { get; set; } = [];
}
