using System.Reflection;
using MediatR;

namespace Bitten.Host.Messaging;

/// <summary>
/// Wires MediatR 5.1.0 by hand (its DI package for this version does not resolve here): the mediator,
/// its service factory, and every request and notification handler found in the module assemblies.
/// </summary>
internal static class MediatorRegistration
{
    private static readonly Type[] HandlerInterfaces =
    [
        typeof(IRequestHandler<,>),
        typeof(IRequestHandler<>),
        typeof(INotificationHandler<>),
    ];

    public static IServiceCollection AddBittenMediator(this IServiceCollection services, IEnumerable<Assembly> assemblies)
    {
        // Resolving through the current scope's provider keeps scoped handlers (DbContexts) scoped.
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();

        foreach (var type in assemblies.Distinct().SelectMany(SafeTypes).Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition())))
            {
                services.AddTransient(contract, type);
            }
        }

        return services;
    }

    private static IEnumerable<Type> SafeTypes(Assembly assembly)
    {
        try
        {
            return assembly.DefinedTypes;
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.Where(t => t is not null)!;
        }
    }
}
