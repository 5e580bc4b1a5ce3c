using MediatR;

namespace Bitten.Modules.Execution.Fires;

/// <summary>Asking another module that may be switched off: no handler reads as "no answer".</summary>
internal static class MediatorExtensions
{
    public static async Task<(bool Handled, TResponse? Response)> TrySend<TResponse>(this IMediator mediator, IRequest<TResponse> request, CancellationToken cancellationToken)
    {
        try
        {
            return (true, await mediator.Send(request, cancellationToken));
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("Handler was not found", StringComparison.Ordinal) || ex.Message.Contains("No service for type", StringComparison.Ordinal))
        {
            return (false, default);
        }
    }
}
