namespace Bitten.Bench.Fuzz.Engine;

/// <summary>One input edge under fuzzing.</summary>
internal interface IFuzzTarget : IDisposable
{
    /// <summary>The name in fuzz.json and on the command line (<c>--target</c>).</summary>
    string Name { get; }

    /// <summary>Real, well-formed inputs that mutations start from.</summary>
    IReadOnlyList<byte[]> Samples { get; }

    /// <summary>Tokens of this format that mutations insert (field names, keywords, framing octets).</summary>
    IReadOnlyList<byte[]> Tokens { get; }

    /// <summary>
    /// Feeds one input through the edge's real parser. Returns <see cref="Outcome.Accepted"/> or the parser's own rejection reason;
    /// throws only when the parser failed in a way it does not document (a bug). <paramref name="variant"/> picks
    /// settings that are not in the bytes (read chunking, socket type, re-signing, ...), deterministically.
    /// </summary>
    string Run(byte[] input, ulong variant);
}

internal static class Outcome
{
    public const string Accepted = "accepted";
}
