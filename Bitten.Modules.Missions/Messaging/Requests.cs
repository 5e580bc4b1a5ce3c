using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Missions.Messaging;

/// <summary>
/// Asks another module through MediatR only when that module is running: a module switched off has no
/// handler, and MediatR would throw; callers get <c>Available = false</c> instead and say so to the user.
/// </summary>
internal sealed class Requests(IServiceProvider services, IMediator mediator)
{
    // Scoped: a fan-out asks thousands of times whether the same module runs; the answer cannot change within a scope.
    private readonly Dictionary<Type, bool> _handled = [];

    public bool IsHandled<TRequest, TResponse>()
        where TRequest : IRequest<TResponse>
    {
        if (!_handled.TryGetValue(typeof(TRequest), out var handled))
        {
            handled = services.GetService<IRequestHandler<TRequest, TResponse>>() is not null;
            _handled[typeof(TRequest)] = handled;
        }

        return handled;
    }

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
