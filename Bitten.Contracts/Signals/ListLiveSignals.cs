using MediatR;

namespace Bitten.Contracts.Signals;

/// <summary>
/// Stored signals created at or after <paramref name="CreatedSince"/> that have not expired at <paramref name="At"/>,
/// oldest first, as their <see cref="SignalPublished"/> (RecordedAt is when they were stored). Missions asks at start
/// so a signal stored and published just before a crash still gets its missions.
/// </summary>
public sealed record ListLiveSignals(DateTimeOffset CreatedSince, DateTimeOffset At) : IRequest<IReadOnlyList<SignalPublished>>;
