using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Signals;

/// <summary>A signal's virtual outcome is known: the label the ML filter learns from and /tracking shows.</summary>
public sealed record SignalResolved(
    SignalId SignalId,
    string Symbol,
    string Pattern,
    SignalOutcome Outcome,
    double RMultiple,
    double Pips,
    double MaxFavourablePips,
    double MaxAdversePips,
    DateTimeOffset ResolvedAt,
    DateTimeOffset RecordedAt) : INotification;
