namespace Bitten.Contracts.Common;

/// <summary>Identifies a signal (a ULID); never confused with another kind of id or a broker ticket.</summary>
public readonly record struct SignalId(string Value)
{
    /// <summary>A new id for the given instant.</summary>
    public static SignalId New(DateTimeOffset now) => new(Ulid.NewUlid(now).Value);

    public override string ToString() => Value;
}
