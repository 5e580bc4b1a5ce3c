using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Users;

/// <summary>
/// Asks the Users module to deliver a Telegram alert to a user. It is stored in the Users outbox
/// (so it survives a restart) and sent within Telegram's rate limits; the user's per-kind setting
/// decides on / silent / off. Idempotent: a second request with the same <paramref name="DedupeKey"/>
/// (e.g. <c>signal:{SignalId}</c>) is a no-op.
/// </summary>
/// <param name="UserId">Recipient.</param>
/// <param name="Kind">What the alert is about (the user's setting for this kind applies).</param>
/// <param name="Html">Message text in Telegram HTML (escape user-provided parts).</param>
/// <param name="DedupeKey">Unique per (user, alert); at most 128 characters.</param>
/// <param name="Buttons">Optional buttons, one row.</param>
public sealed record QueueUserAlert(UserId UserId, AlertKind Kind, string Html, string DedupeKey, IReadOnlyList<AlertButton>? Buttons = null)
    : IRequest<AlertQueueOutcome>;
