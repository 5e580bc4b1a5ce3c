namespace Bitten.Host.Composition;

/// <summary>The HTTP listen addresses (root key <c>Urls</c>, semicolon separated).</summary>
internal sealed class HttpEndpointOptions
{
    public string? Urls { get; set; }
}
