using Bitten.Modules.Signals.Engine;

namespace Bitten.Modules.Signals.Ml;

/// <summary>
/// The engine's probability seam backed by the registry's current model (swapped atomically when a model is
/// promoted or rolled back). No current model: null, and the engine keeps the pattern prior (DOMAIN §6).
/// </summary>
internal sealed class LiveWinModel : IWinProbabilityModel
{
    private volatile WinModel? _current;

    public WinModel? Current => _current;

    public void Set(WinModel? model) => _current = model;

    public (double Probability, string Version)? Predict(IReadOnlyDictionary<string, double> features, string pattern, string symbol)
    {
        var model = _current;
        return model is null ? null : (model.Predict(features, pattern, symbol), model.Version);
    }
}
