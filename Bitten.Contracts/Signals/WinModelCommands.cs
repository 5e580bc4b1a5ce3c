using MediatR;

namespace Bitten.Contracts.Signals;

/// <summary>
/// Train the ML win-probability model now (DOMAIN §7): from the stored resolved signals of the last
/// training window, or from a training-rows file a backtest wrote (<paramref name="FromFile"/>).
/// </summary>
public sealed record TrainWinModel(string? FromFile = null) : IRequest<WinModelCommandResult>;

/// <summary>Make an earlier model current again: <paramref name="Version"/>, or the one current before the present one.</summary>
public sealed record RollbackWinModel(string? Version = null) : IRequest<WinModelCommandResult>;

/// <summary>
/// The outcome of a model command: <paramref name="Ok"/> false when it could not be done (bad file, unknown
/// version); <paramref name="Version"/> is the model trained or made current, if any.
/// </summary>
public sealed record WinModelCommandResult(bool Ok, string Message, string? Version, bool Promoted, int LabelledRows);
