using System.Text.RegularExpressions;
using Bitten.Contracts.Users;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Users.Tiers;

/// <summary>Stops the process at start on a bad tier table, naming the key to fix.</summary>
internal sealed partial class TiersOptionsValidator : IValidateOptions<TiersOptions>
{
    public ValidateOptionsResult Validate(string? name, TiersOptions options)
    {
        var errors = new List<string>();
        if (options.Definitions.Count == 0)
        {
            errors.Add("Tiers:Definitions must define at least one tier.");
        }

        if (!options.Definitions.ContainsKey(options.Default ?? string.Empty))
        {
            errors.Add($"Tiers:Default is '{options.Default}', which is not a tier in Tiers:Definitions ({string.Join(", ", options.Definitions.Keys)}).");
        }

        foreach (var (tier, d) in options.Definitions)
        {
            var key = $"Tiers:Definitions:{tier}";
            if (!TierName().IsMatch(tier))
            {
                errors.Add($"{key}: a tier name is 1–32 characters of A–Z, 0–9 and '_' (e.g. FANG_PLUS).");
            }

            if (d.FireMode is not (FireMode.DemoOnly or FireMode.Manual or FireMode.ManualAndAuto))
            {
                errors.Add($"{key}:FireMode must be DemoOnly, Manual or ManualAndAuto.");
            }

            if (d.MaxOpenFires is < 0 or > 100)
            {
                errors.Add($"{key}:MaxOpenFires must be between 0 and 100 (is {d.MaxOpenFires}).");
            }

            if (d.MaxRiskPercent is <= 0m or > 10m)
            {
                errors.Add($"{key}:MaxRiskPercent must be above 0 and at most 10 (percent of balance; is {d.MaxRiskPercent}).");
            }

            if (d.AutoFire && d.FireMode != FireMode.ManualAndAuto)
            {
                errors.Add($"{key}:AutoFire is true but {key}:FireMode is {d.FireMode}; auto-fire needs FireMode ManualAndAuto.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[A-Z0-9_]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex TierName();
}
