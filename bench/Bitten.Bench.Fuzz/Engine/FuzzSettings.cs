namespace Bitten.Bench.Fuzz.Engine;

/// <summary>How a run is made; the same seed and counts give the same inputs.</summary>
internal sealed record FuzzSettings(long Inputs, ulong Seed)
{
    /// <summary>An input running longer than this is a hang (saved and reported).</summary>
    public TimeSpan HangAfter { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>An input still running after this is abandoned with its target (the thread cannot be stopped).</summary>
    public TimeSpan AbandonAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest input generated.</summary>
    public int MaxInputLength { get; init; } = 16 * 1024;

    /// <summary>Where crashing and hanging inputs are saved; null saves nothing.</summary>
    public string? FindingsDirectory { get; init; }

    /// <summary>Shrink each distinct crash's input before reporting it.</summary>
    public bool Minimize { get; init; } = true;
}
