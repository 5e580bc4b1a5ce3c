namespace Bitten.Modules.Signals.Structure;

/// <summary>Per bar: inside the session window, and the session's running high/low so far (float32; 0 when inactive).</summary>
internal sealed record SessionSeries(bool[] Active, float[] High, float[] Low);
