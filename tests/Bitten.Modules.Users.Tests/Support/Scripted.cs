namespace Bitten.Modules.Users.Tests.Support;

/// <summary>A scripted answer: status and body, or hang until the client gives up.</summary>
public sealed record Scripted(int Status, string Body, bool Hang = false)
{
    public static Scripted Ok(string resultJson) => new(200, $$"""{"ok":true,"result":{{resultJson}}}""");

    public static Scripted Error(int status, string description, int? retryAfter = null) =>
        new(status, retryAfter is null
            ? $$"""{"ok":false,"error_code":{{status}},"description":"{{description}}"}"""
            : $$$"""{"ok":false,"error_code":{{{status}}},"description":"{{{description}}}","parameters":{"retry_after":{{{retryAfter}}}}}""");

    public static Scripted Slow() => new(200, string.Empty, Hang: true);
}
