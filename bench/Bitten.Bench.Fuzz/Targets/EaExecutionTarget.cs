using System.Text.Json;
using Bitten.Bench.Fuzz.Engine;
using Bitten.Modules.Execution.Wire;

namespace Bitten.Bench.Fuzz.Targets;

/// <summary>
/// The Execution wire (5555 hello/heartbeat, 5558 confirmation/close_report/pong): the same steps as CommandRouterService
/// and ReportIngestService take before anything touches a database — JSON document, object, <c>type</c>, <c>ea_id</c>,
/// <c>ea_token</c> — then the module's readers for each type. Reasons are the services' metric labels.
/// </summary>
internal sealed class EaExecutionTarget : IFuzzTarget
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    public string Name => "ea-execution";

    public IReadOnlyList<byte[]> Samples { get; } = [.. EaSamples.Execution.Select(SampleFiles.Utf8)];

    public IReadOnlyList<byte[]> Tokens { get; } = [.. EaSamples.Tokens.Select(SampleFiles.Utf8)];

    public string Run(byte[] input, ulong variant)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(input);
        }
        catch (JsonException)
        {
            return "malformed_json";
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return "malformed_json";
            }

            var type = root.Type();
            var eaId = root.Str("ea_id") ?? "?";
            _ = root.Str("ea_token");
            switch (type)
            {
                case "hello":
                    _ = EaDocuments.Hello(root);
                    return Outcome.Accepted;
                case "heartbeat":
                    return EaDocuments.Heartbeat(root, eaId, Now) is null ? "heartbeat:missing_field" : Outcome.Accepted;
                case "pong":
                    _ = root.Str("ping_id");
                    return Outcome.Accepted;
                case "confirmation" or "close_report":
                    if (string.IsNullOrEmpty(root.Str("fire_id")))
                    {
                        return "missing_field";
                    }

                    if (type == "close_report")
                    {
                        _ = root.Long("position");
                        return EaDocuments.CloseReport(root, out var reason, out _) is null ? "close_report:" + reason : Outcome.Accepted;
                    }

                    var confirmation = EaDocuments.Confirmation(root);
                    return confirmation.IsFill ? confirmation.Position is > 0 || confirmation.Status == "duplicate" ? Outcome.Accepted : "confirmation:missing_field"
                        : confirmation.IsFailure ? Outcome.Accepted : "confirmation:bad_value";
                default:
                    return "unknown_type";
            }
        }
    }

    public void Dispose()
    {
    }
}
