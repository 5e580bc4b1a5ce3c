using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Missions.Messaging;

/// <summary>
/// Asks another module through MediatR only when that module is running: a module switched off has no
/// handler, and MediatR would throw; callers get <c>Available = false</c> instead and say so to the user.
/// </summary>
internal sealed class Requests(IServiceProvider services, IMediator mediator)
{
    public bool IsHandled<TRequest, TResponse>()
        where TRequest : IRequest<TResponse> =>
        services.GetService<IRequestHandler<TRequest, TResponse>>() is not null;

    public async Task<(bool Available, TResponse? Response)> TrySendAsync<TRequest, TResponse>(TRequest request, CancellationToken cancellationToken)
        where TRequest : IRequest<TResponse>
    {
        if (!IsHandled<TRequest, TResponse>())
        {
            return (false, default);
        }

        return (true, await mediator.Send(request, cancellationToken));
    }
}
