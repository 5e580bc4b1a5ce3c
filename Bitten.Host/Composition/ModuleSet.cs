using System.Reflection;

namespace Bitten.Host.Composition;

/// <summary>The modules this process hosts, with their on/off switch (<c>Modules:Name:Enabled</c>).</summary>
internal sealed class ModuleSet(IHostApplicationBuilder builder)
{
    private readonly List<(string Name, Assembly Assembly, Action<IEndpointRouteBuilder> Map)> _enabled = [];
    private readonly List<string> _disabled = [];

    public IReadOnlyList<Assembly> EnabledAssemblies => [.. _enabled.Select(m => m.Assembly)];

    public IReadOnlyList<string> EnabledNames => [.. _enabled.Select(m => m.Name)];

    public IReadOnlyList<string> DisabledNames => _disabled;

    public ModuleSet Add(string name, Type marker, Action<IHostApplicationBuilder> add, Action<IEndpointRouteBuilder> map)
    {
        if (!builder.Configuration.GetValue($"Modules:{name}:Enabled", defaultValue: true))
        {
            _disabled.Add(name);
            return this;
        }

        add(builder);
        _enabled.Add((name, marker.Assembly, map));
        return this;
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        foreach (var module in _enabled)
        {
            module.Map(endpoints);
        }
    }
}
