using Bitten.Simulator.Broker;
using Bitten.Simulator.Market;

namespace Bitten.Simulator;

/// <summary>The resolved configuration of one paper EA: identity, symbol profiles with overrides, broker settings.</summary>
internal sealed record SimulatorSetup(SimulatorOptions Options, SimulatorIdentity Identity, IReadOnlyList<SymbolProfile> Profiles)
{
    public static SimulatorSetup From(SimulatorOptions options, SimulatorIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(options);
        var names = options.Symbols.Length == 0 ? SymbolProfile.Defaults.Select(p => p.Symbol) : options.Symbols.Distinct(StringComparer.OrdinalIgnoreCase);
        var profiles = names
            .Select(s => SymbolProfile.Find(s) ?? throw new InvalidOperationException($"Simulator:Symbols: unknown symbol '{s}'"))
            .Select(p => p with
            {
                SpreadPips = options.SpreadPips.TryGetValue(p.Symbol, out var spread) ? spread : p.SpreadPips,
                TicksPerSecond = options.TicksPerSecond.TryGetValue(p.Symbol, out var rate) ? rate : p.TicksPerSecond,
            })
            .ToList();
        return new SimulatorSetup(options, identity, profiles);
    }

    public PaperBrokerSettings BrokerSettings => new(Profiles, Options.StartingBalance, Options.Currency, Options.Leverage, Options.SlippagePoints, OpenAtWeekends: Options.OpenAtWeekends == true);
}
