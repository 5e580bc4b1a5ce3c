using Microsoft.Extensions.Options;

namespace Bitten.Host.Composition;

/// <summary>Rejects an unparseable <c>Urls</c> before Kestrel does, naming the key and the rule.</summary>
internal sealed class HttpEndpointOptionsValidator : IValidateOptions<HttpEndpointOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpEndpointOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Urls))
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        foreach (var url in options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Kestrel accepts "*" and "+" as hosts; swap them for a parseable host to check the rest.
            var probe = url.Replace("://*", "://any", StringComparison.Ordinal).Replace("://+", "://any", StringComparison.Ordinal);
            if (!HasValidPort(probe))
            {
                failures.Add($"Urls: '{url}' has no valid port (expected a number 0-65535, e.g. http://127.0.0.1:8888).");
            }
            else if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add($"Urls: '{url}' is not an http(s) URL (expected e.g. http://127.0.0.1:8888).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool HasValidPort(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var authority = scheme < 0 ? url : url[(scheme + 3)..].Split('/')[0];
        var colon = authority.LastIndexOf(':');
        if (colon < 0 || authority.EndsWith(']'))
        {
            return true; // default port of the scheme
        }

        return int.TryParse(authority[(colon + 1)..], out var port) && port is >= 0 and <= 65535;
    }
}
