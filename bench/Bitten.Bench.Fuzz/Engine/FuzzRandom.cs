namespace Bitten.Bench.Fuzz.Engine;

/// <summary>SplitMix64: tiny, fast and fully determined by its seed, so input #i of a run can be rebuilt on its own.</summary>
internal struct FuzzRandom(ulong seed)
{
    private ulong _state = seed;

    public static ulong Mix(ulong a, ulong b)
    {
        var r = new FuzzRandom(a ^ (b * 0x9E3779B97F4A7C15UL));
        r.NextULong();
        return r.NextULong();
    }

    public ulong NextULong()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>0 ≤ result &lt; <paramref name="max"/> (0 when max ≤ 0).</summary>
    public int Next(int max) => max <= 0 ? 0 : (int)(NextULong() % (ulong)max);

    public int Next(int min, int max) => min + Next(max - min);

    public bool Chance(int percent) => Next(100) < percent;

    public byte NextByte() => (byte)NextULong();
}
