using Bitten.Contracts.Signals;
using MediatR;

namespace Bitten.Modules.Signals.Ml;

/// <summary>The host's <c>train</c> verb (and any module) asks for a training here.</summary>
internal sealed class TrainWinModelHandler(WinModelTraining training) : IRequestHandler<TrainWinModel, WinModelCommandResult>
{
    public Task<WinModelCommandResult> Handle(TrainWinModel request, CancellationToken cancellationToken) =>
        request.FromFile is { } file ? training.TrainFromFileAsync(file, cancellationToken) : training.TrainFromStoreAsync(cancellationToken);
}

/// <summary>The host's <c>rollback-model</c> verb.</summary>
internal sealed class RollbackWinModelHandler(WinModelTraining training) : IRequestHandler<RollbackWinModel, WinModelCommandResult>
{
    public Task<WinModelCommandResult> Handle(RollbackWinModel request, CancellationToken cancellationToken) => training.RollbackAsync(request.Version, cancellationToken);
}
