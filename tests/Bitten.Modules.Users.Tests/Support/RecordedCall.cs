using System.Text.Json;

namespace Bitten.Modules.Users.Tests.Support;

/// <summary>One call the fake received.</summary>
public sealed record RecordedCall(int Sequence, string Token, string Method, string Body, DateTimeOffset At, string Path)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
