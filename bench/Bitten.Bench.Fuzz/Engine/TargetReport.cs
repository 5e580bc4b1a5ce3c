namespace Bitten.Bench.Fuzz.Engine;

/// <summary>One target's figures, as written to fuzz.json.</summary>
internal sealed class TargetReport
{
    public required string Target { get; init; }

    public long Inputs { get; set; }

    public long Accepted { get; set; }

    public long Rejected { get; set; }

    public SortedDictionary<string, long> RejectedByReason { get; } = new(StringComparer.Ordinal);

    public long Crashes { get; set; }

    public long Hangs { get; set; }

    /// <summary>The target did not finish: an input never returned and the run moved on.</summary>
    public bool Abandoned { get; set; }

    public double SlowestInputMs { get; set; }

    public long SlowestInputIndex { get; set; } = -1;

    public double ElapsedS { get; set; }

    public double InputsPerS { get; set; }

    public int Samples { get; set; }

    public List<Finding> Findings { get; } = [];
}

/// <summary>A crash (distinct exception type and throwing method) or a hang, with its input.</summary>
internal sealed record Finding(string Kind, string Signature, long Count, long FirstIndex, ulong Variant, string InputBase64, int InputLength, string? File, string Message);
