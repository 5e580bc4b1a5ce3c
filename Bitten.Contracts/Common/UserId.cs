namespace Bitten.Contracts.Common;

/// <summary>Identifies a BITTEN user (the database key, not the Telegram id).</summary>
public readonly record struct UserId(long Value)
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
