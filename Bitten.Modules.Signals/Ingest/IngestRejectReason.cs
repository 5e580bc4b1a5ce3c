namespace Bitten.Modules.Signals.Ingest;

/// <summary>Why an inbound feed message or tick was dropped; each is counted under its own label.</summary>
internal enum IngestRejectReason
{
    None = 0,
    MalformedJson = 1,
    MissingField = 2,
    WrongType = 3,
    UnknownMessageType = 4,
    UnknownSymbol = 5,
    BadPrice = 6,
    AskBelowBid = 7,
    SpreadTooWide = 8,
    PriceJump = 9,
    OutOfOrder = 10,
    BadTimestamp = 11,
    Unauthenticated = 12,
    NotAFeedSource = 13,
    TooLarge = 14,
    QueueFull = 15,
}

/// <summary>Stable snake_case labels for metrics and /healthz.</summary>
internal static class IngestRejectReasons
{
    private static readonly string[] Labels = [.. Enum.GetValues<IngestRejectReason>().Select(ToLabel)];

    public static int Count => Labels.Length;

    public static string Label(IngestRejectReason reason) => Labels[(int)reason];

    private static string ToLabel(IngestRejectReason reason) => reason switch
    {
        IngestRejectReason.None => "none",
        IngestRejectReason.MalformedJson => "malformed_json",
        IngestRejectReason.MissingField => "missing_field",
        IngestRejectReason.WrongType => "wrong_type",
        IngestRejectReason.UnknownMessageType => "unknown_message_type",
        IngestRejectReason.UnknownSymbol => "unknown_symbol",
        IngestRejectReason.BadPrice => "bad_price",
        IngestRejectReason.AskBelowBid => "ask_below_bid",
        IngestRejectReason.SpreadTooWide => "spread_too_wide",
        IngestRejectReason.PriceJump => "price_jump",
        IngestRejectReason.OutOfOrder => "out_of_order",
        IngestRejectReason.BadTimestamp => "bad_timestamp",
        IngestRejectReason.Unauthenticated => "unauthenticated",
        IngestRejectReason.NotAFeedSource => "not_a_feed_source",
        IngestRejectReason.TooLarge => "too_large",
        IngestRejectReason.QueueFull => "queue_full",
        _ => reason.ToString().ToLowerInvariant(),
    };
}
