namespace Bitten.Modules.Signals.Engine;

/// <summary>The calibrated ML win probability (DOMAIN §7), when a promoted model exists; null otherwise.</summary>
internal interface IWinProbabilityModel
{
    (double Probability, string Version)? Predict(IReadOnlyDictionary<string, double> features, string pattern, string symbol);
}

/// <summary>No model yet: the engine falls back to the pattern's shrunk realised win rate.</summary>
internal sealed class NoWinProbabilityModel : IWinProbabilityModel
{
    public (double Probability, string Version)? Predict(IReadOnlyDictionary<string, double> features, string pattern, string symbol) => null;
}
